// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { SegmentedChoice } from './segmented-choice';
import { ToggleSwitch } from './toggle-switch';

const options = [
  { value: 'available', label: 'Available' },
  { value: 'away', label: 'Away' },
  { value: 'dnd', label: 'Do not disturb' },
] as const;

function Choice({ onChange }: { onChange: (v: string) => void }) {
  const [value, setValue] = useState<string>('available');
  return (
    <SegmentedChoice
      label="Presence"
      value={value}
      options={[...options]}
      onChange={(v) => (setValue(v), onChange(v))}
    />
  );
}

// One test per control: the first render of each in this file is the one before its radix code has arrived.
test('the choice answers a click before its radix code has arrived, and the arrow keys once it has', async () => {
  const user = userEvent.setup();
  const chosen: string[] = [];
  render(<Choice onChange={(v) => chosen.push(v)} />);
  // Every plain button is a tab stop; radix's roving focus keeps one (the chosen option).
  expect(screen.getByRole('radio', { name: 'Available' })).not.toHaveAttribute('tabindex');
  await user.click(screen.getByRole('radio', { name: 'Away' }));
  expect(chosen).toEqual(['away']);
  expect(screen.getByRole('radio', { name: 'Away' })).toHaveAttribute('aria-checked', 'true');

  await waitFor(() => expect(screen.getByRole('radio', { name: 'Available' })).toHaveAttribute('tabindex', '-1'));
  expect(screen.getByRole('radio', { name: 'Away' })).toHaveAttribute('aria-checked', 'true');
  screen.getByRole('radio', { name: 'Away' }).focus();
  await user.keyboard('{ArrowRight}');
  expect(screen.getByRole('radio', { name: 'Do not disturb' })).toHaveFocus();
  await user.keyboard(' ');
  expect(chosen).toEqual(['away', 'dnd']);
});

test('the switch answers a click before its radix code has arrived, and after', async () => {
  const user = userEvent.setup();
  const seen: boolean[] = [];
  function Setting() {
    const [on, setOn] = useState(false);
    return <ToggleSwitch label="Engagement mode" checked={on} onChange={(v) => (setOn(v), seen.push(v))} />;
  }
  render(<Setting />);
  const plain = screen.getByRole('switch', { name: 'Engagement mode' });
  await user.click(plain);
  expect(seen).toEqual([true]);
  expect(screen.getByRole('switch', { name: 'Engagement mode' })).toHaveAttribute('aria-checked', 'true');

  await waitFor(() => expect(screen.getByRole('switch', { name: 'Engagement mode' })).not.toBe(plain));
  await user.click(screen.getByRole('switch', { name: 'Engagement mode' }));
  expect(seen).toEqual([true, false]);
  expect(screen.getByRole('switch', { name: 'Engagement mode' })).toHaveAttribute('aria-checked', 'false');
});
