import { passwordProblem } from './password-policy';

test.each([
  { password: 'short', problem: /at least 12/ },
  { password: 'switchboard', problem: /at least 12/ },
  { password: 'password1234', problem: /too common/ },
  { password: 'Password2026!', problem: /too common/ },
  { password: 'qwerty123456', problem: /too common/ },
  { password: '!!Welcome!!2026', problem: /too common/ },
  { password: 'aaaaaaaaaaaaaaa', problem: /too common/ },
  { password: 'abcabcabcabc', problem: /too common/ },
  { password: 'x'.repeat(201), problem: /up to 200/ },
  { password: 'alice-is-great-2026', email: 'alice@acme.test', problem: /email/ },
  { password: 'tidal-copper-lantern', problem: undefined },
  { password: 'correct horse battery', problem: undefined },
])('$password → $problem', ({ password, email, problem }) => {
  const answer = passwordProblem(password, email);
  if (problem) expect(answer).toMatch(problem);
  else expect(answer).toBeUndefined();
});
