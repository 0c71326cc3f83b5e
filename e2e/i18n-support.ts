import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { expect } from './fixtures';

// What the language specs (e2e/i18n*.spec.ts) share: the demo organization, an axe check, a look at desktop and
// 390 px, and a browser context in a given language.

/** The demo organization, seeded in every server's database. */
export const org = '/o/riverbend-commons';

export const DAY = 24 * 60 * 60 * 1000;

export async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${page.url()}`,
  ).toEqual([]);
}

/** At desktop width and at 390 px: a screenshot to look at, and no page wider than the window (long German words wrap). */
export async function lookAt(page: Page, name: string, info: TestInfo): Promise<void> {
  for (const [label, width] of [
    ['desktop', 1280],
    ['390', 390],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: info.outputPath(`${name}-${label}.png`), fullPage: true });
    await page.screenshot({ path: info.outputPath(`${name}-${label}-top.png`) });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} at ${width} px is wider than the window`).toBeLessThanOrEqual(0);
  }
}

export async function visitIn(browser: Browser, locale: string) {
  const context = await browser.newContext({ locale });
  return { context, page: await context.newPage() };
}
