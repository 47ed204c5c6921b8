import { contactSchema, type ContactItemType } from './contact';
import { contactDialOrder } from './contact-dial-order';

const itemTypes: ContactItemType[] = [
  { id: 'holiday', name: 'Holiday Home', orderBy: 2 },
  { id: 'office', name: 'Office', orderBy: 1 },
  { id: 'boat', name: 'Boat', orderBy: 2 },
];

const contact = contactSchema.parse({
  id: 'c1',
  name: 'Jane Roe',
  primaryPhone: '+44 20 7946 0000',
  additionalPhones: [
    { number: '+44 20 7946 0001', description: 'old line' },
    { number: '+44 20 7946 0002', itemTypeId: 'holiday' },
    { number: '+44 20 7946 0003', itemTypeId: 'office' },
    { number: '+44 20 7946 0004', itemTypeId: 'boat' },
    { number: '+44 20 7946 0005' },
  ],
  primaryAgentId: 'ana',
  source: 'Website',
  createdAt: 1,
});

test('dial order: primary first, then by orderBy, ties by item-type name, untyped last in list order', () => {
  expect(
    contactDialOrder(contact, itemTypes, 60).map((entry) => [entry.number.slice(-1), entry.label, entry.delaySeconds]),
  ).toEqual([
    ['0', 'Primary', 0],
    ['3', 'Office', 60],
    ['4', 'Boat', 60],
    ['2', 'Holiday Home', 60],
    ['1', 'old line', 60],
    ['5', 'Other', 60],
  ]);
});

test.each([
  {
    rule: 'additional phone repeats the primary',
    patch: { additionalPhones: [{ number: '+442079460000' }] },
    path: ['additionalPhones', 0, 'number'],
    message: 'This number is already on the contact',
  },
  {
    rule: 'primary phone is validated',
    patch: { primaryPhone: 'call me' },
    path: ['primaryPhone'],
    message: 'Start the number with + and the country code, in international format, e.g. +44 20 7946 0958',
  },
])('refuses: $rule', ({ patch, path, message }) => {
  const result = contactSchema.safeParse({
    id: 'c',
    name: 'A',
    primaryPhone: '+44 20 7946 0000',
    primaryAgentId: null,
    source: null,
    createdAt: 1,
    ...patch,
  });
  expect(result.error?.issues.map((issue) => ({ path: issue.path, message: issue.message }))).toEqual([
    { path, message },
  ]);
});
