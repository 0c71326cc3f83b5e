import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * The page's serious and critical axe violations, as `id: targets` lines. It first waits for running
 * animations and CSS transitions to end: a button whose colours are still changing (from "Follow" to
 * "Unfollow", say) would otherwise be measured halfway and fail colour contrast on a colour nobody sees.
 * `openDetails` opens every disclosure for the scan and closes them again; `tags` narrows the rules.
 */
export async function seriousViolations(page: Page, options: { openDetails?: boolean; tags?: string[] } = {}): Promise<string[]> {
  // An endless animation (a loading pulse) never ends: only finite ones are waited for.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
  if (options.openDetails) await setDetailsOpen(page, true);
  const builder = new AxeBuilder({ page });
  if (options.tags) builder.withTags(options.tags);
  const results = await builder.analyze();
  if (options.openDetails) await setDetailsOpen(page, false);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

async function setDetailsOpen(page: Page, open: boolean): Promise<void> {
  await page.evaluate((value) => {
    for (const d of document.querySelectorAll('details')) d.open = value;
  }, open);
}
