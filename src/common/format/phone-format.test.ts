import { formatPhoneNumber, phoneText } from './phone-format';
import { loadNumberingPlan } from './numbering-plan';

describe('phone numbers for people to read', () => {
  test.each([
    ['a UK landline in a UK organisation', '+442071234567', 'GB', '020 7123 4567', '+442071234567'],
    ['a UK mobile in a UK organisation', '+447911123456', 'GB', '07911 123456', '+447911123456'],
    ['the drama range the demo caller uses', '+447700900123', 'GB', '07700 900123', '+447700900123'],
    ['a US number in a UK organisation', '+14155550100', 'GB', '+1 415 555 0100', '+14155550100'],
    ['a UK number in a US organisation', '+442071234567', 'US', '+44 20 7123 4567', '+442071234567'],
    ['written with spaces', '+44 20 7123 4567', 'GB', '020 7123 4567', '+442071234567'],
    ['written with 00', '00442071234567', 'GB', '020 7123 4567', '+442071234567'],
    ['an extension', '1002', 'GB', '1002', null],
    ['a withheld caller', 'anonymous', 'GB', 'anonymous', null],
    ['too short to be a number', '+4412', 'GB', '+4412', null],
  ])('%s', async (_case, value, country, text, e164) => {
    const plan = await loadNumberingPlan();
    expect(phoneText(value, country, plan)).toEqual({ text, e164 });
    expect(formatPhoneNumber(value, country, plan)).toBe(text);
  });
});

describe('before the numbering plan is in', () => {
  test.each([
    ['a number reads as given, E.164 on hover', '+447700900123', '+447700900123', '+447700900123'],
    ['written with spaces', '+44 20 7123 4567', '+44 20 7123 4567', '+442071234567'],
    ['written with 00', '00442071234567', '00442071234567', '+442071234567'],
    ['an extension', '1002', '1002', null],
    ['a withheld caller', 'anonymous', 'anonymous', null],
    ['too short to be a number', '+4412', '+4412', null],
  ])('%s', (_case, value, text, e164) => {
    expect(phoneText(value, 'GB', null)).toEqual({ text, e164 });
  });
});
