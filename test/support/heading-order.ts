import type { Page } from 'playwright-core';

/**
 * What is wrong with a page's outline, given its visible headings' levels in document order: it must open with one
 * h1, and no heading may go down more than one level from the one before it (an h1 straight to an h3 is what the
 * search page did before #20). Empty when the outline is sound.
 */
export function headingOrderProblems(levels: readonly number[]): string[] {
  const problems: string[] = [];
  if (levels[0] !== 1) problems.push(`the first heading is h${levels[0] ?? '(none)'}, not h1`);
  if (levels.filter((l) => l === 1).length > 1) problems.push('more than one h1');
  levels.forEach((level, i) => {
    const before = levels[i - 1];
    if (before !== undefined && level > before + 1) problems.push(`h${before} is followed by h${level}`);
  });
  return problems;
}

/** The visible headings' levels of the page as it is now, in document order. */
export function headingLevels(page: Page): Promise<number[]> {
  return page.$$eval('h1, h2, h3, h4, h5, h6', (headings) =>
    headings.filter((h) => h.getClientRects().length > 0).map((h) => Number(h.tagName.slice(1))),
  );
}
