import { startSeededCompanion, type Harness } from '../support/companion-harness';

// Guessing passwords against the real companion over real HTTP.
let h: Harness;
beforeAll(async () => {
  h = await startSeededCompanion();
});
afterAll(() => h.stop());

const login = (email: string, password: string, from?: string) =>
  fetch(`${h.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.origin, ...(from ? { 'x-forwarded-for': from } : {}) },
    body: JSON.stringify({ email, password }),
  }).then((r) => r.status);

test('parallel wrong passwords for one address are counted before hashing: only the free ones are tried', async () => {
  const statuses = await Promise.all(
    Array.from({ length: 20 }, () => login('carol@acme.test', 'wrong-guess', '10.0.0.1')),
  );
  // Checked before hashing and recorded after, all 20 would be tried. Reserved first: the 4 free ones, plus
  // one per backoff window (1 s, 2 s, 4 s) should this busy machine spread the 20 over several seconds.
  const tried = statuses.filter((s) => s === 401).length;
  expect(tried).toBeGreaterThanOrEqual(4);
  expect(tried).toBeLessThanOrEqual(7);
  expect(statuses.filter((s) => s === 429)).toHaveLength(20 - tried);
});

test('one password sprayed across many addresses from one source is slowed down', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++) statuses.push(await login(`nobody${i}@acme.test`, 'Summer2026!', '10.0.0.2'));
  expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
  expect(statuses.slice(21)).toContain(429);
  // Another source is not affected.
  expect(await login('dave@acme.test', 'switchboard', '10.0.0.3')).toBe(200);
});

test('spraying from many sources meets the companion-wide limit', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 230; i++)
    statuses.push(await login(`spray${i}@acme.test`, 'Summer2026!', `10.1.${i >> 8}.${i & 255}`));
  expect(statuses).toContain(429);
  expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(201);
});
