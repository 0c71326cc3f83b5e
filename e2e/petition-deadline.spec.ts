import * as e2e from './fixtures';

const { clockTest: test, expect } = e2e;

// It moves the shared server's clock: its name sorts among the other clock-moving specs, after
// follow.spec.ts and the specs that read the demo organization's proposals in their windows.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

const DAY = 24 * 60 * 60 * 1000;

test('a petition reaches its threshold, the group misses the answer deadline, and the public pages flag it', async ({
  page,
  browser,
  mailbox,
  runId,
  uniqueEmail,
}) => {
  const slug = `petition-${runId}`;
  const [benPage, cleoPage] = await e2e.foundWithAnaBenCleo(
    { page, browser, mailbox, uniqueEmail },
    { name: 'Alder Court Tenants', template: 'Informal group', body: 'Group', slug },
  );

  // 1. Ben opens a petition of all members to the group (the informal group's charter: a quarter of the members, answer within 14 days, names public).
  await benPage.goto(`/o/${slug}/petitions`);
  await expect(benPage.getByText(/must answer publicly within 14 days/)).toBeVisible();
  await e2e.waitForHydration(benPage);
  const open = benPage.getByRole('form', { name: 'Open a petition' });
  await open.getByLabel('Title').fill('Fix the courtyard lights before winter');
  await open.getByLabel('What you ask, and why').fill('Two lamps have been out since September; the courtyard is dark by five.');
  await open.getByRole('button', { name: 'Open the petition' }).click();
  await expect(benPage).toHaveURL(new RegExp(`/o/${slug}/petitions/1$`));
  await expect(benPage.getByRole('heading', { name: /Petition #1 Fix the courtyard lights/ })).toBeVisible();

  // 2. The box must be ticked; then Ben's signature reaches the threshold (1 of 3 members).
  await e2e.waitForHydration(benPage);
  const sign = benPage.getByRole('form', { name: 'Sign petition #1' });
  await sign.getByRole('checkbox').check();
  await sign.getByRole('button', { name: 'Sign this petition' }).click();
  await expect(benPage.getByText('You have signed this petition.')).toBeVisible();
  await expect(benPage.getByText('Threshold reached', { exact: true })).toBeVisible();
  await expect(benPage.getByText(/The answer is due by/).first()).toBeVisible();

  // Cleo signs too; names are public under this charter.
  await cleoPage.goto(`/o/${slug}/petitions/1`);
  await e2e.waitForHydration(cleoPage);
  const cleoSign = cleoPage.getByRole('form', { name: 'Sign petition #1' });
  await cleoSign.getByRole('checkbox').check();
  await cleoSign.getByRole('button', { name: 'Sign this petition' }).click();
  await expect(cleoPage.getByText('You have signed this petition.')).toBeVisible();
  const signers = cleoPage.getByRole('region', { name: 'Signers' });
  await expect(signers.getByText('Ben Okafor')).toBeVisible();
  await expect(signers.getByText('Cleo Park')).toBeVisible();

  // The group's seat holders are told, whatever their preferences.
  const email = (name: string) => uniqueEmail(`${slug.slice(0, 2)}-${name}`);
  const mail = await mailbox.latest(email('ana'), /Petition #1 reached its threshold/);
  expect(mail.text).toContain('must answer it publicly by');

  // 3. Fifteen days later, no answer: the petition page, the list and the public organization page flag it.
  await e2e.advanceClock(15 * DAY);
  await e2e.reloadUntil(cleoPage, 'Answer overdue');
  await expect(cleoPage.getByTestId('petition-overdue')).toContainText('has missed its deadline to answer this petition');
  await e2e.shootBoth(cleoPage, 'petition-overdue');
  await e2e.axeClean(cleoPage);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/o/${slug}/petitions`);
  await expect(visitor.getByRole('heading', { name: /Answer overdue \(1\)/ })).toBeVisible();
  // The organization's page is served from the public cache; the worker's overdue entry in the log renews it.
  await e2e.reloadUntil(visitor, 'The answer was due by', 30_000);
  await visitor.goto(`/o/${slug}`);
  await e2e.reloadUntil(visitor, 'The answer was due by', 30_000);
  await expect(visitor.getByTestId('petition-1')).toContainText('Answer overdue');
  const health = visitor.getByRole('region', { name: 'Health' });
  await expect(health.getByText('Overdue petition answers')).toBeVisible();
  await expect(health.getByText('Overdue petition answers').locator('..')).toContainText('1');
  await visitor.goto(`/o/${slug}/log`);
  await expect(visitor.getByText(/missed the deadline .* to answer petition #1/)).toBeVisible();

  // 4. Ana (the admin) answers late: the record says so, and signing is closed.
  await page.goto(`/o/${slug}/petitions/1`);
  await e2e.waitForHydration(page);
  await page.locator('#petition-answer').fill('We have ordered two new lamps; they will be fitted by the end of the month.');
  await page.getByRole('button', { name: 'Publish the answer' }).click();
  await expect(page.getByText('Answered late', { exact: true })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Sign petition #1' })).toHaveCount(0);
});
