import { describeEndCause, endCauseFromReason, endCauseFromStatus, endCauses, type EndCause } from './end-causes';

describe('endCauseFromStatus', () => {
  test.each<[number, EndCause]>([
    [486, 'busy'],
    [600, 'busy'],
    [603, 'declined'],
    [404, 'not-found'],
    [484, 'not-found'],
    [604, 'not-found'],
    [480, 'unavailable'],
    [408, 'no-answer'],
    [487, 'cancelled'],
    [403, 'forbidden'],
    [407, 'forbidden'],
    [488, 'failed'],
    [500, 'failed'],
    [503, 'failed'],
  ])('%i → %s', (status, cause) => {
    expect(endCauseFromStatus(status)).toBe(cause);
  });
});

describe('endCauseFromReason', () => {
  test.each<[string | undefined, EndCause | undefined]>([
    ['SIP;cause=200;text="Call completed elsewhere"', 'answered-elsewhere'],
    ['SIP ;cause=486;text="Busy Here"', 'busy'],
    ['Q.850;cause=17;text="User busy"', 'busy'],
    ['Q.850;cause=16', 'hangup-remote'],
    ['Q.850;cause=1;text="Unallocated number"', 'not-found'],
    ['Q.850;cause=999', undefined],
    ['nonsense', undefined],
    [undefined, undefined],
  ])('%s → %s', (reason, cause) => {
    expect(endCauseFromReason(reason)).toBe(cause);
  });
});

describe('describeEndCause', () => {
  test.each(endCauses.map((c) => [c]))('%s has a human label', (cause) => {
    const label = describeEndCause(cause);
    expect(label).toMatch(/^[A-Z][a-z]/);
    expect(label).not.toMatch(/-/);
  });

  test('labels say what happened', () => {
    expect(describeEndCause('busy')).toBe('Busy');
    expect(describeEndCause('answered-elsewhere')).toBe('Answered elsewhere');
    expect(describeEndCause('hangup-remote')).toBe('The other party hung up');
  });
});
