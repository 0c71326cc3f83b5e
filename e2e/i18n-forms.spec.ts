import { expect, foundOrganization, inviteAndJoin, nameThemselves, signInByMagicLink, test, waitForHydration } from './fixtures';
import { expectNoSeriousViolations, lookAt, org, visitIn } from './i18n-support';

// The founding and delegation forms, the account and new-organization pages, the decision log and the verify page in
// English, French and German (the pages' words, their answers, axe clean, no overflow at 390 px).

test('a founding appointment in German and a delegation in French: the forms, their answers and both pages', async ({
  page,
  browser,
  mailbox,
  runId,
  uniqueEmail,
}, info) => {
  test.setTimeout(180_000);
  const [ana, ben] = [uniqueEmail('ana'), uniqueEmail('ben')];
  const slug = `i18n-coop-${runId}`;
  await foundOrganization(page, mailbox, ana, { name: 'Genossenschaft Sprachen', slug, template: 'Cooperative' });
  await nameThemselves(page, 'Ana Lopez');
  const [benFirst] = await inviteAndJoin({ page, browser, mailbox }, slug, ['Ben Okafor'], () => ben);

  // Ana, in a German browser, seats herself by founding appointment.
  const anaContext = await browser.newContext({ locale: 'de-DE', storageState: await page.context().storageState() });
  const anaPage = await anaContext.newPage();
  await anaPage.goto(`/o/${slug}/seats`);
  await waitForHydration(anaPage);
  await anaPage.locator('summary', { hasText: 'Gründungsbesetzung — ' }).first().click();
  const form = anaPage.getByRole('form', { name: /^Gründungsbesetzung, / }).first();
  await form.getByLabel('Mitglied').selectOption({ label: 'Ana Lopez' });
  await form.getByRole('button', { name: 'Besetzen' }).click();
  await expect(anaPage.getByText('Sitz besetzt. Die Besetzung steht im öffentlichen Protokoll.')).toBeVisible();
  await anaPage.reload();
  await expect(anaPage.getByRole('region', { name: 'Ihre Sitze' })).toContainText(/, Sitz \d/);
  // The page's disclosures open (the founding forms, the resignation), not the site menu.
  await anaPage.evaluate(() => {
    for (const d of document.querySelectorAll('main details')) (d as HTMLDetailsElement).open = true;
  });
  await expectNoSeriousViolations(anaPage);
  await lookAt(anaPage, 'seats-de-founding', info);

  // Ben, in a French browser, delegates his vote to Ana for every member-wide vote.
  const benContext = await browser.newContext({ locale: 'fr-FR', storageState: await benFirst!.context().storageState() });
  await benFirst!.context().close();
  const benPage = await benContext.newPage();
  await benPage.goto(`/o/${slug}/delegations`);
  await waitForHydration(benPage);
  await benPage.getByLabel('Membre', { exact: true }).selectOption({ label: 'Ana Lopez' });
  await benPage.getByLabel('Pour', { exact: true }).selectOption({ label: 'Chaque vote de tous les membres' });
  await benPage.getByRole('button', { name: 'Déléguer mon vote' }).click();
  await expect(benPage.getByText(/^Délégation effectuée\./)).toBeVisible();
  await benPage.reload();
  await expect(benPage.getByRole('region', { name: 'Vos délégations' })).toContainText('Pour chaque vote de tous les membres : Ana Lopez vote pour vous');
  await expect(benPage.getByText('Every member-wide vote')).toHaveCount(0);
  await expectNoSeriousViolations(benPage);
  await lookAt(benPage, 'delegations-fr-delegated', info);

  // Ana's page, in German, counts Ben's vote with hers.
  await anaPage.goto(`/o/${slug}/delegations`);
  await expect(anaPage.getByRole('region', { name: 'Ihnen erteilte Vollmachten' })).toContainText('für 2 Personen');
  await expect(anaPage.getByRole('region', { name: 'Ihnen erteilte Vollmachten' })).toContainText('Ben Okafor');
  await expectNoSeriousViolations(anaPage);
  await lookAt(anaPage, 'delegations-de-received', info);
  await anaContext.close();
  await benContext.close();
});

/** The account page and the new-organization page (with the name prompt a person without a name sees) in French and German. */
const accountPages = {
  fr: {
    account: 'Votre compte',
    accountHeadings: ['Votre calendrier', 'Jetons d’API', 'Vos données', 'Supprimer votre compte'],
    createLink: 'Créer mon lien de calendrier',
    newOrg: 'Créer une organisation',
    seats: 'Sièges de l’organe principal',
    preview: /^Aperçu : les statuts « Conseil d’association »/,
    create: 'Créer l’organisation',
    prompt: 'Comment les autres doivent-ils vous appeler ?',
  },
  de: {
    account: 'Ihr Konto',
    accountHeadings: ['Ihr Kalender', 'API-Tokens', 'Ihre Daten', 'Ihr Konto löschen'],
    createLink: 'Meinen Kalenderlink erstellen',
    newOrg: 'Eine Organisation gründen',
    seats: 'Sitze im Hauptgremium',
    preview: /^Vorschau: die Satzung „Vereinsvorstand“/,
    create: 'Organisation gründen',
    prompt: 'Wie sollen andere Sie nennen?',
  },
} as const;
const accountEnglish = [
  'Your calendar',
  'API tokens',
  'Your data',
  'Delete your account',
  'Seats on the main body',
  'Charter template',
  'Who decides',
  'How each kind of decision is made',
  'What should others call you?',
];

for (const [lang, browserLocale] of [
  ['fr', 'fr-FR'],
  ['de', 'de-DE'],
] as const) {
  test(`the account page and the new-organization page read in ${lang} (browser ${browserLocale}), axe clean`, async ({
    page,
    browser,
    mailbox,
    uniqueEmail,
  }, info) => {
    const want = accountPages[lang];
    await signInByMagicLink(page, mailbox, uniqueEmail(`konto-${lang}`), '/');
    const context = await browser.newContext({ locale: browserLocale, storageState: await page.context().storageState() });
    const own = await context.newPage();
    const noEnglish = async () => {
      for (const text of accountEnglish) await expect(own.getByText(text, { exact: true })).toHaveCount(0);
    };
    await own.goto('/account');
    await expect(own.locator('html')).toHaveAttribute('lang', lang);
    await expect(own.getByRole('heading', { level: 1, name: want.account })).toBeVisible();
    for (const name of want.accountHeadings) await expect(own.getByRole('heading', { name })).toBeVisible();
    await expect(own.getByRole('button', { name: want.createLink })).toBeVisible();
    await noEnglish();
    await expectNoSeriousViolations(own);
    await lookAt(own, `account-${lang}`, info);

    await own.goto('/orgs/new');
    await expect(own.getByRole('heading', { level: 1, name: want.newOrg })).toBeVisible();
    await expect(own.getByLabel(want.prompt)).toBeVisible();
    await expect(own.getByLabel(want.seats)).toBeVisible();
    await expect(own.getByRole('region', { name: want.preview })).toBeVisible();
    await expect(own.getByRole('button', { name: want.create })).toBeVisible();
    await noEnglish();
    await expectNoSeriousViolations(own);
    await lookAt(own, `new-organization-${lang}`, info);
    await context.close();
  });
}

/** The decision log and the verify page in French and German (the entries' summaries: the test at the end of this file). */
const logPages = {
  fr: {
    log: 'Journal des décisions',
    filters: 'Filtrer le journal des décisions',
    apply: 'Appliquer les filtres',
    kind: 'Type',
    badDate: 'La date de début doit être une date comme 2026-01-31.',
    chip: 'Retirer le filtre : Type : Vote clos',
    verify: 'Vérifier le journal des décisions',
    verifyButton: 'Vérifier le journal publié',
    idle: 'Aucune vérification lancée pour l’instant.',
    intact: '✓ Intact',
  },
  de: {
    log: 'Entscheidungsprotokoll',
    filters: 'Das Entscheidungsprotokoll filtern',
    apply: 'Filter anwenden',
    kind: 'Art',
    badDate: 'Das Anfangsdatum muss ein Datum wie 2026-01-31 sein.',
    chip: 'Filter entfernen: Art: Abstimmung beendet',
    verify: 'Das Entscheidungsprotokoll prüfen',
    verifyButton: 'Das veröffentlichte Protokoll prüfen',
    idle: 'Noch keine Prüfung ausgeführt.',
    intact: '✓ Unversehrt',
  },
} as const;
const logEnglish = [
  'Decision log',
  'Apply filters',
  'Clear filters',
  'Head hash',
  'Verify the decision log',
  'Verify the published log',
  'No check run yet.',
  'Check the log',
];

for (const [lang, browserLocale] of [
  ['fr', 'fr-FR'],
  ['de', 'de-DE'],
] as const) {
  test(`the decision log and the verify page read in ${lang} (browser ${browserLocale}), axe clean`, async ({ browser }, info) => {
    test.setTimeout(120_000);
    const { context, page } = await visitIn(browser, browserLocale);
    const want = logPages[lang];
    const noEnglish = async () => {
      for (const text of logEnglish) await expect(page.getByText(text, { exact: true })).toHaveCount(0);
    };
    await page.goto(`${org}/log`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1, name: want.log })).toBeVisible();
    await expect(page.getByRole('search', { name: want.filters })).toBeVisible();
    await expect(page.getByRole('button', { name: want.apply })).toBeVisible();
    await noEnglish();
    await expectNoSeriousViolations(page);
    await lookAt(page, `log-${lang}`, info);

    // A filter in force and a dropped value: the chip and the note in the page's language.
    await page.goto(`${org}/log?kind=voting.closed&from=bogus`);
    await expect(page.getByText(want.badDate)).toBeVisible();
    await expect(page.getByRole('link', { name: want.chip })).toBeVisible();
    await expect(page.getByLabel(want.kind, { exact: true })).toHaveValue('voting.closed');
    await noEnglish();
    await expectNoSeriousViolations(page);
    await lookAt(page, `log-filtered-${lang}`, info);

    await page.goto(`${org}/verify`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1, name: want.verify })).toBeVisible();
    await expect(page.getByText(want.idle)).toBeVisible();
    await noEnglish();
    await expectNoSeriousViolations(page);
    await page.getByRole('button', { name: want.verifyButton }).click();
    // The verdict (intact, unless a spec before this one broke the demo's log on purpose) in the page's language.
    await expect(page.locator('[data-verdict]')).toBeVisible({ timeout: 60_000 });
    if ((await page.locator('[data-verdict]').getAttribute('data-verdict')) === 'intact')
      await expect(page.getByRole('heading', { level: 3, name: want.intact })).toBeVisible();
    await noEnglish();
    await expectNoSeriousViolations(page);
    await lookAt(page, `verify-${lang}`, info);
    await context.close();
  });
}
