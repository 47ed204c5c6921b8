import { Tabs as RadixTabs } from 'radix-ui';
import type { ReactNode } from 'react';

export type TabItem = { value: string; label: string; content: ReactNode };

/** Tabs with accessible names equal to their labels (radix Tabs). */
export function Tabs({
  label,
  items,
  value,
  onChange,
}: {
  label: string;
  items: TabItem[];
  value?: string;
  onChange?: (v: string) => void;
}) {
  return (
    <RadixTabs.Root className="tabs" defaultValue={items[0]?.value} value={value} onValueChange={onChange}>
      <RadixTabs.List aria-label={label} className="tab-list">
        {items.map((t) => (
          <RadixTabs.Trigger key={t.value} value={t.value} className="btn tab">
            {t.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {items.map((t) => (
        <RadixTabs.Content key={t.value} value={t.value} className="tab-panel">
          {t.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
