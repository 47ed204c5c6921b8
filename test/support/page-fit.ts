import type { Page } from 'playwright-core';

/** How the page sits in a viewport: how far it scrolls sideways and, when it does, what sticks out. */
export type Fit = { width: number; sideways: number; culprit: string };

/** Two frames, so layout and anything measuring the window (the board's row window) have followed a resize. */
const settle = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/**
 * The page at `width` px: `document.documentElement.scrollWidth - innerWidth`, and the widest element whose right
 * edge passes the viewport's (outside any box that scrolls or clips its own overflow), with the innermost such
 * element reaching farthest right: the first is what got too wide, the second usually why.
 */
export async function fitAt(page: Page, width: number, height = 800): Promise<Fit> {
  await page.setViewportSize({ width, height });
  await settle(page);
  const found = await page.evaluate(() => {
    const edge = window.innerWidth;
    const name = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const classes = [...el.classList].map((c) => `.${c}`).join('');
      const label = el.getAttribute('aria-label');
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${classes}${label ? `[aria-label="${label}"]` : ''}${text ? ` "${text}"` : ''}`;
    };
    // Clipped by a box that scrolls or hides overflow, walking the containing blocks: an absolutely positioned
    // element escapes every box up to its positioned ancestor, a fixed one every box up to a transformed one.
    const clippedByAncestor = (el: Element) => {
      let position = getComputedStyle(el).position;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const style = getComputedStyle(p);
        const transformed = style.transform !== 'none';
        const contains =
          position === 'fixed'
            ? transformed
            : position === 'absolute'
              ? style.position !== 'static' || transformed
              : true;
        if (!contains) continue;
        if (style.overflowX !== 'visible') return true;
        position = style.position;
      }
      return false;
    };
    const past: { el: Element; width: number; right: number }[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= edge + 0.5 || clippedByAncestor(el)) continue;
      past.push({ el, width: box.width, right: box.right });
    }
    const describe = (p: (typeof past)[number]) =>
      `${name(p.el)} (${Math.round(p.width)} px wide, right edge at ${Math.round(p.right)} px)`;
    const widest = past.reduce<(typeof past)[number] | undefined>(
      (a, b) => (!a || b.width > a.width ? b : a),
      undefined,
    );
    const leaves = past.filter((p) => !past.some((q) => q !== p && p.el.contains(q.el)));
    const farthest = leaves.reduce<(typeof past)[number] | undefined>(
      (a, b) => (!a || b.right > a.right ? b : a),
      undefined,
    );
    const culprit = !widest
      ? 'no element past the right edge'
      : `widest element past the right edge: ${describe(widest)}` +
        (farthest && farthest !== widest ? `; innermost one reaching farthest: ${describe(farthest)}` : '');
    return { sideways: document.documentElement.scrollWidth - edge, culprit };
  });
  return { width, ...found };
}

/** The top bar's height at `width` px (header.topbar, workspace.tsx). */
export async function topBarHeightAt(page: Page, width: number, height = 800): Promise<number> {
  await page.setViewportSize({ width, height });
  await settle(page);
  const box = await page.locator('header.topbar').boundingBox();
  if (!box) throw new Error('no top bar on the page');
  return box.height;
}

/** The open dialogs that do not lie inside the viewport, by title, with their left and right edges. */
export async function dialogsOutside(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[role="dialog"], [role="alertdialog"]')]
      .map((d) => ({
        name: document.getElementById(d.getAttribute('aria-labelledby') ?? '')?.textContent ?? d.className,
        box: d.getBoundingClientRect(),
      }))
      .filter(({ box }) => box.left < -0.5 || box.right > window.innerWidth + 0.5)
      .map(({ name, box }) => `${name}: ${Math.round(box.left)}–${Math.round(box.right)} px`),
  );
}
