import type { ContactItemType } from '../../../common/domain/contact';
import { guessMapping, toImportMapping } from './column-mapping';

const types: ContactItemType[] = [
  { id: 'it-mobile', name: 'Mobile', orderBy: 0 },
  { id: 'it-office', name: 'Office', orderBy: 1 },
  { id: 'it-holiday', name: 'Holiday Home', orderBy: 2 },
];

test.each([
  { header: ['Name', 'Phone'], expected: ['name', 'primaryPhone'] },
  {
    header: ['Full name', 'Telephone', 'Office', 'Holiday home phone', 'Tags', 'Notes'],
    expected: ['name', 'primaryPhone', 'type:it-office', 'type:it-holiday', 'tags', 'ignore'],
  },
  {
    header: ['name', 'phone', 'Mobile', 'Work phone', 'Agent email', 'Source'],
    expected: ['name', 'primaryPhone', 'type:it-mobile', 'phone', 'primaryAgentEmail', 'source'],
  },
  // The second "Phone" is not a second primary phone: it is an untyped additional phone.
  {
    header: ['Name', 'Phone', 'Phone 2', 'Office', 'office'],
    expected: ['name', 'primaryPhone', 'phone', 'type:it-office', 'ignore'],
  },
])('guesses $header', ({ header, expected }) => {
  expect(guessMapping(header, types)).toEqual(expected);
});

test('the request names columns by their header text and carries item types', () => {
  const header = ['Name', 'Phone', 'Office', 'Other', 'Source'];
  expect(toImportMapping(header, ['name', 'primaryPhone', 'type:it-office', 'phone', 'source'], types)).toEqual({
    ok: true,
    mapping: {
      name: 'Name',
      primaryPhone: 'Phone',
      additionalPhones: [
        { column: 'Office', itemTypeId: 'it-office' },
        { column: 'Other', itemTypeId: null },
      ],
      source: 'Source',
    },
  });
});

test.each([
  { why: 'no name column', targets: ['ignore', 'primaryPhone'], problem: 'Choose the column with the name.' },
  { why: 'no phone column', targets: ['name', 'ignore'], problem: 'Choose the column with the primary phone.' },
  { why: 'two name columns', targets: ['name', 'name'], problem: 'Only one column can be Name (now A, B).' },
])('refuses $why', ({ targets, problem }) => {
  const result = toImportMapping(['A', 'B'], targets as never, types);
  expect(result.ok).toBe(false);
  expect(!result.ok && result.problems).toContain(problem);
});

test('two used columns with the same header name cannot be told apart by the server', () => {
  const result = toImportMapping(['Name', 'Phone', 'Phone'], ['name', 'primaryPhone', 'phone'], types);
  expect(!result.ok && result.problems[0]).toMatch(/same name \(Phone\)/);
});
