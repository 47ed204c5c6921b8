import { businessHoursSchema } from './business-hours';
import { mainNumberSettingsSchema, voicemailPinSchema } from './main-number';
import { toAppError } from './zod-error';

const branch = {
  huntGroup: { staffIds: ['ana', 'ben'], ringSeconds: 15 },
  then: { kind: 'main-reception', staffId: 'cy', greeting: 'Acme Ltd, good morning' },
};
const settings = (patch: Record<string, unknown> = {}) => ({
  state: 'active',
  inHours: branch,
  outOfHours: { huntGroup: { staffIds: [] }, then: { kind: 'voicemail' } },
  ...patch,
});

test('valid settings parse; the PIN is never part of them (it is stored hashed on its own)', () => {
  const parsed = mainNumberSettingsSchema.parse(settings({ voicemailPin: '1234' }));
  expect(parsed).not.toHaveProperty('voicemailPin');
  expect(parsed.inHours.then).toMatchObject({ kind: 'main-reception', ringSeconds: 30 });
});

test.each(['12a4', '123', '123456789'])('PIN %s is refused: 4 to 8 digits', (pin) => {
  expect(voicemailPinSchema.safeParse(pin).error?.issues[0]?.message).toBe('The voicemail PIN is 4 to 8 digits');
});

test.each([
  {
    rule: 'state is reserved or active',
    input: settings({ state: 'paused' }),
    path: ['state'],
    message: 'Choose reserved or active',
  },
  {
    rule: 'follow-up is reception, voicemail or end',
    input: settings({ outOfHours: { huntGroup: { staffIds: [] }, then: { kind: 'forward' } } }),
    path: ['outOfHours', 'then', 'kind'],
    message: 'Choose what follows the hunt group: main-reception, voicemail or end',
  },
  {
    rule: 'hunt group lists each member once',
    input: settings({ inHours: { ...branch, huntGroup: { staffIds: ['ana', 'ana'] } } }),
    path: ['inHours', 'huntGroup', 'staffIds'],
    message: 'Each staff member may be in the hunt group only once',
  },
])('refuses: $rule', ({ input, path, message }) => {
  const result = mainNumberSettingsSchema.safeParse(input);
  expect(toAppError(result.error!).toJSON()).toEqual({ code: 'INVALID_INPUT', path, message });
});

test('business hours must not overlap', () => {
  const result = businessHoursSchema.safeParse({
    timeZone: 'Europe/London',
    windows: [
      { days: ['mon', 'tue'], start: '09:00', end: '17:00' },
      { days: ['tue'], start: '16:00', end: '18:00' },
    ],
  });
  expect(toAppError(result.error!).toJSON()).toEqual({
    code: 'INVALID_INPUT',
    path: ['windows', 1],
    message: 'Overlaps opening hours 1 (Mon, Tue 09:00–17:00); times must not overlap',
  });
});
