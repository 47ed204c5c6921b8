import type { ReactNode } from 'react';

type Props = {
  id: string;
  title: string;
  /** One line shown beside the title, so a closed section still says what it holds ("On · 30 days"). */
  summary?: ReactNode;
  defaultOpen?: boolean;
  children: ReactNode;
};

/**
 * A part of a settings page that opens and closes (native <details>: keyboard and screen readers know it). Its
 * fields stay in the page while it is closed, so a refused save can open it at the field to fix.
 */
export function SettingsSection({ id, title, summary, defaultOpen = false, children }: Props) {
  return (
    <section className="panel number-section settings-section" aria-labelledby={id}>
      <details open={defaultOpen}>
        <summary>
          <h3 id={id}>{title}</h3>
          {summary && <span className="muted section-summary">{summary}</span>}
        </summary>
        <div className="settings-section-body">{children}</div>
      </details>
    </section>
  );
}
