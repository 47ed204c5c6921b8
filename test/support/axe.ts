import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export type AxeFinding = { screen: string; id: string; impact: string; help: string; targets: string[] };

/** axe-core over the page as it stands: the serious and critical violations, with where they are. */
export async function seriousViolations(page: Page, screen: string): Promise<AxeFinding[]> {
  // @axe-core/playwright types its page as playwright's; playwright-core's is the same object.
  const results = await new AxeBuilder({ page: page as never }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      screen,
      id: v.id,
      impact: v.impact!,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}
