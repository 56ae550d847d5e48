/** Reading the search page the way the tests need: waiting for results and reading them. */
import type { Page } from 'playwright-core';

/** Waits until the page shows the results for the address it is at. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('search')?.dataset['resultsFor'] === location.search);
}

/** The number of results the status line announces (0 when none). */
export async function resultCount(page: Page): Promise<number> {
  const status = (await page.locator('[role="status"]').textContent()) ?? '';
  const match = /^(\d+) releases? found/.exec(status);
  return match ? Number(match[1]) : 0;
}

/** The paths of the releases shown, in order, without the highlight query. */
export async function resultPaths(page: Page): Promise<string[]> {
  return page
    .locator('.result h2 a')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** The dates of the results shown, `YYYY-MM-DD`, in order. */
export async function resultDates(page: Page): Promise<string[]> {
  return page.locator('.result time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!));
}

/** Clicks "Show more results" until every result is on the page. */
export async function showAll(page: Page): Promise<void> {
  const more = page.getByRole('button', { name: 'Show more results' });
  while (await more.isVisible()) {
    await more.click();
    await settled(page);
  }
}
