import { businessHoursSchema } from './business-hours';
import { DEFAULT_VOICEMAIL_PIN, mainNumberSettingsSchema, resetVoicemailPin } from './main-number';
import { toAppError } from './zod-error';

const branch = { huntGroup: { staffIds: ['ana', 'ben'], ringSeconds: 15 }, then: { kind: 'main-reception', staffId: 'cy', greeting: 'Acme Ltd, good morning' } };
const settings = (patch: Record<string, unknown> = {}) => ({ state: 'active', inHours: branch, outOfHours: { huntGroup: { staffIds: [] }, then: { kind: 'voicemail' } }, ...patch });

test('valid settings parse; the PIN defaults and resets to the default', () => {
  const parsed = mainNumberSettingsSchema.parse(settings());
  expect(parsed.voicemailPin).toBe(DEFAULT_VOICEMAIL_PIN);
  expect(parsed.inHours.then).toMatchObject({ kind: 'main-reception', ringSeconds: 30 });
  expect(resetVoicemailPin({ ...parsed, voicemailPin: '918273' }).voicemailPin).toBe(DEFAULT_VOICEMAIL_PIN);
});

test.each([
  { rule: 'state is reserved or active', input: settings({ state: 'paused' }), path: ['state'], message: 'Choose reserved or active' },
  { rule: 'PIN is 4–8 digits', input: settings({ voicemailPin: '12a4' }), path: ['voicemailPin'], message: 'The voicemail PIN is 4 to 8 digits' },
  { rule: 'PIN not too short', input: settings({ voicemailPin: '123' }), path: ['voicemailPin'], message: 'The voicemail PIN is 4 to 8 digits' },
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
