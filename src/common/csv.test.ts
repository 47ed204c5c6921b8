import { parseCsv, readCsvTable } from './csv';

test.each([
  {
    why: 'plain fields',
    text: 'a,b\n1,2\n',
    records: [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ],
  },
  {
    why: 'CRLF and no final newline',
    text: 'a,b\r\n1,2',
    records: [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ],
  },
  {
    why: 'quoted comma and doubled quote',
    text: '"x, y","say ""hi"""',
    records: [{ line: 1, cells: ['x, y', 'say "hi"'] }],
  },
  {
    why: 'a quoted newline keeps the record on its first line, and later lines count it',
    text: 'h\n"two\nlines"\nnext',
    records: [
      { line: 1, cells: ['h'] },
      { line: 2, cells: ['two\nlines'] },
      { line: 4, cells: ['next'] },
    ],
  },
  { why: 'empty cells', text: 'a,,c', records: [{ line: 1, cells: ['a', '', 'c'] }] },
  { why: 'byte-order mark', text: '\uFEFFname', records: [{ line: 1, cells: ['name'] }] },
])('$why', ({ text, records }) => {
  expect(parseCsv(text)).toEqual(records);
});

test('an unterminated quote names its line', () => {
  expect(() => parseCsv('a\n"oops')).toThrow('Line 2: a quoted field is never closed');
});

test('as a table: the header trimmed, rows keep the line they start on, blank rows are skipped', () => {
  const table = readCsvTable(
    '\uFEFF Name ,Phone\r\n"Brunel, Isambard",+447911000001\n\n"Multi\nline ""name""",+447911000002\n',
  );
  expect(table.header).toEqual(['Name', 'Phone']);
  expect(table.rows).toEqual([
    { line: 2, cells: ['Brunel, Isambard', '+447911000001'] },
    { line: 4, cells: ['Multi\nline "name"', '+447911000002'] },
  ]);
});
