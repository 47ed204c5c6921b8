// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ComponentType } from 'react';
import { PlainSegmentedChoice, SegmentedChoice, type SegmentedChoiceProps } from './segmented-choice';
import { PlainToggleSwitch, ToggleSwitch, type ToggleSwitchProps } from './toggle-switch';

const options = [
  { value: 'available', label: 'Available' },
  { value: 'away', label: 'Away' },
  { value: 'dnd', label: 'Do not disturb' },
] as const;

function Choice({
  as: As,
  onChange,
}: {
  as: ComponentType<SegmentedChoiceProps<string>>;
  onChange: (v: string) => void;
}) {
  const [value, setValue] = useState<string>('available');
  return <As label="Presence" value={value} options={[...options]} onChange={(v) => (setValue(v), onChange(v))} />;
}

function Setting({ as: As, seen }: { as: ComponentType<ToggleSwitchProps>; seen: boolean[] }) {
  const [on, setOn] = useState(false);
  return <As label="Engagement mode" checked={on} onChange={(v) => (setOn(v), seen.push(v))} />;
}

test('before its radix code has arrived, the choice is the same buttons and answers a click', async () => {
  const chosen: string[] = [];
  render(<Choice as={PlainSegmentedChoice} onChange={(v) => chosen.push(v)} />);
  // Every plain button is a tab stop (radix's roving focus keeps one, the chosen option).
  expect(screen.getByRole('radio', { name: 'Available' })).not.toHaveAttribute('tabindex');
  await userEvent.click(screen.getByRole('radio', { name: 'Away' }));
  expect(chosen).toEqual(['away']);
  expect(screen.getByRole('radio', { name: 'Away' })).toHaveAttribute('aria-checked', 'true');
});

test('once it has arrived (test set-up waits for it), a choice is radix from its first render: one tab stop, arrows', async () => {
  const user = userEvent.setup();
  const chosen: string[] = [];
  render(<Choice as={SegmentedChoice} onChange={(v) => chosen.push(v)} />);
  expect(screen.getByRole('radio', { name: 'Available' })).toHaveAttribute('tabindex', '-1');
  await user.click(screen.getByRole('radio', { name: 'Away' }));
  expect(screen.getByRole('radio', { name: 'Away' })).toHaveAttribute('aria-checked', 'true');
  screen.getByRole('radio', { name: 'Away' }).focus();
  await user.keyboard('{ArrowRight}');
  expect(screen.getByRole('radio', { name: 'Do not disturb' })).toHaveFocus();
  await user.keyboard(' ');
  expect(chosen).toEqual(['away', 'dnd']);
});

test('the switch answers a click before its radix code has arrived, and after', async () => {
  const seen: boolean[] = [];
  const { unmount } = render(<Setting as={PlainToggleSwitch} seen={seen} />);
  await userEvent.click(screen.getByRole('switch', { name: 'Engagement mode' }));
  expect(seen).toEqual([true]);
  expect(screen.getByRole('switch', { name: 'Engagement mode' })).toHaveAttribute('aria-checked', 'true');
  unmount();

  render(<Setting as={ToggleSwitch} seen={seen} />);
  await userEvent.click(screen.getByRole('switch', { name: 'Engagement mode' }));
  await userEvent.click(screen.getByRole('switch', { name: 'Engagement mode' }));
  expect(seen).toEqual([true, true, false]);
  expect(screen.getByRole('switch', { name: 'Engagement mode' })).toHaveAttribute('aria-checked', 'false');
});
