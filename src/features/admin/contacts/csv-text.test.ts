import { readCsv } from './csv-text';

test('quoted fields keep commas, quotes and newlines; rows keep the line they start on; blank rows are skipped', () => {
  const table = readCsv('\uFEFFName,Phone\r\n"Brunel, Isambard",+447911000001\n\n"Multi\nline ""name""",+447911000002\n');
  expect(table.header).toEqual(['Name', 'Phone']);
  expect(table.rows).toEqual([
    { line: 2, cells: ['Brunel, Isambard', '+447911000001'] },
    { line: 4, cells: ['Multi\nline "name"', '+447911000002'] },
  ]);
});

test('an unclosed quote is reported with its line', () => {
  expect(() => readCsv('Name,Phone\n"Oops,+447911000001')).toThrow('Line 2: a quoted field is never closed');
});
