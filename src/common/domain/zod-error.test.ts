import { z } from 'zod';
import { AppError } from '../errors';
import { parseInput, toAppError } from './zod-error';

const schema = z.object({ rules: z.array(z.object({ weight: z.number().max(100, 'Each weight is at most 100') })) });

test('toAppError keeps the first issue’s message and path under INVALID_INPUT', () => {
  const result = schema.safeParse({ rules: [{ weight: 1 }, { weight: 101 }] });
  const error = toAppError(result.error!);
  expect(error).toBeInstanceOf(AppError);
  expect(error.toJSON()).toEqual({
    code: 'INVALID_INPUT',
    message: 'Each weight is at most 100',
    path: ['rules', 1, 'weight'],
  });
});

test('parseInput returns the parsed value or throws the AppError', () => {
  expect(parseInput(schema, { rules: [] })).toEqual({ rules: [] });
  expect(() => parseInput(schema, { rules: [{ weight: 200 }] })).toThrow(
    expect.objectContaining({ code: 'INVALID_INPUT', path: ['rules', 0, 'weight'] }),
  );
});
