import { test } from './fixtures';

for (const [name, url] of [
  ['seed-proposal-1', '/o/riverbend-commons/proposals/1'],
  ['seed-proposal-7', '/o/riverbend-commons/proposals/7'],
  ['seed-org', '/o/riverbend-commons'],
  ['seed-log', '/o/riverbend-commons/log'],
  ['seed-seats', '/o/riverbend-commons/seats'],
] as const) {
  test(`shot ${name}`, async ({ page }) => {
    for (const w of [390, 1280]) {
      await page.setViewportSize({ width: w, height: 900 });
      await page.goto(url);
      await page.screenshot({ path: `/work/shots/s3-phones/${name}-${w}.png`, fullPage: true });
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      console.log(`WIDTH ${name} ${w}: ${sw}`);
    }
  });
}
