import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { advanceClock, appointFounders, clockTest, expect, foundOrganization, inviteMembers, openInvite, reloadUntil, test } from './fixtures';

// The organization page and a proposal in voting in English, French and German: the browser's
// language (Accept-Language, from Playwright's `locale`), the person's own choice over it, axe
// clean in each, nothing overflowing at 390 px; and a notice e-mail in the recipient's language.
// The second test moves the server clock (clockTest), like the other journeys.

const org = '/o/riverbend-commons';
// The demo's proposal in voting: "Approve the 2027 operating budget" (decided by the time a
// clock-moving spec has run before this one: its badge is then the decision's, in the same language).
const voting = `${org}/proposals/7`;

const DAY = 24 * 60 * 60 * 1000;

/** What each language must say on the two pages, and English it must not show. */
const expected = {
  en: {
    overview: ['Governing bodies', 'Decision record', 'Read the decision log', 'Seats filled'],
    proposal: ['Board vote', 'Discussion (1)', 'Record'],
    badge: /^(Voting open|Passed|Rejected|Failed quorum)$/,
  },
  fr: {
    overview: ['Organes de gouvernance', 'Registre des décisions', 'Lire le journal des décisions', 'Sièges pourvus'],
    proposal: ['Vote — Board', 'Discussion (1)', 'Registre'],
    badge: /^(Vote ouvert|Adoptée|Rejetée|Quorum non atteint)$/,
  },
  de: {
    overview: ['Gremien', 'Entscheidungsregister', 'Entscheidungsprotokoll lesen', 'Besetzte Sitze'],
    proposal: ['Abstimmung — Board', 'Diskussion (1)', 'Protokoll'],
    badge: /^(Abstimmung läuft|Angenommen|Abgelehnt|Nicht beschlussfähig)$/,
  },
} as const;
const english = ['Governing bodies', 'Decision record', 'Read the decision log', 'Seats filled', 'Voting and actions', 'Not yet voted', 'All proposals'];

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${page.url()}`,
  ).toEqual([]);
}

/** At desktop width and at 390 px: a screenshot to look at, and no page wider than the window (long German words wrap). */
async function lookAt(page: Page, name: string, info: TestInfo): Promise<void> {
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

async function visitIn(browser: Browser, locale: string) {
  const context = await browser.newContext({ locale });
  return { context, page: await context.newPage() };
}

for (const [lang, browserLocale] of [
  ['en', 'en-US'],
  ['fr', 'fr-FR'],
  ['de', 'de-DE'],
] as const) {
  test(`the organization page and a proposal in voting read in ${lang} (browser ${browserLocale}), axe clean`, async ({ browser }, info) => {
    const { context, page } = await visitIn(browser, browserLocale);
    await page.goto(org);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    for (const text of expected[lang].overview) await expect(page.getByText(text, { exact: true }).first()).toBeVisible();
    if (lang !== 'en') for (const text of english) await expect(page.getByText(text, { exact: true })).toHaveCount(0);
    await expectNoSeriousViolations(page);
    await lookAt(page, `overview-${lang}`, info);

    await page.goto(voting);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1, name: 'Approve the 2027 operating budget' })).toBeVisible();
    for (const text of expected[lang].proposal) await expect(page.getByText(text, { exact: true }).first()).toBeVisible();
    await expect(page.locator('header span.rounded-full').first()).toHaveText(expected[lang].badge);
    if (lang !== 'en') for (const text of english) await expect(page.getByText(text, { exact: true })).toHaveCount(0);
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    await expectNoSeriousViolations(page);
    await lookAt(page, `proposal-${lang}`, info);
    await context.close();
  });
}

/** The home page, the sign-in pages and the proposals list in each language (they are translated too). */
const morePages = {
  fr: {
    home: 'Une gouvernance que personne ne peut détourner.',
    signIn: 'Se connecter',
    email: 'Adresse e-mail',
    sendLink: 'M’envoyer un lien de connexion',
    confirmIncomplete: 'Ce lien est incomplet',
    signInError: 'Connexion impossible',
    proposals: 'Propositions',
    search: 'Rechercher des propositions',
    ignoredState: '« bogus » n’est pas un état : tous les états sont affichés.',
  },
  de: {
    home: 'Governance, die niemand kapern kann.',
    signIn: 'Anmelden',
    email: 'E-Mail-Adresse',
    sendLink: 'Anmeldelink per E-Mail senden',
    confirmIncomplete: 'Dieser Link ist unvollständig',
    signInError: 'Anmeldung nicht möglich',
    proposals: 'Anträge',
    search: 'Anträge durchsuchen',
    ignoredState: '„bogus“ ist kein Status: Alle Status werden angezeigt.',
  },
} as const;
const moreEnglish = ['Browse public organizations', 'E-mail me a sign-in link', 'Words in the title or text', 'Every state', 'Could not sign you in'];

for (const [lang, browserLocale] of [
  ['fr', 'fr-FR'],
  ['de', 'de-DE'],
] as const) {
  test(`the home page, sign-in and the proposals list read in ${lang} (browser ${browserLocale})`, async ({ browser }, info) => {
    const { context, page } = await visitIn(browser, browserLocale);
    const want = morePages[lang];
    const noEnglish = async () => {
      for (const text of moreEnglish) await expect(page.getByText(text, { exact: true })).toHaveCount(0);
    };
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: want.home })).toBeVisible();
    await noEnglish();

    await page.goto('/signin');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1, name: want.signIn })).toBeVisible();
    await expect(page.getByLabel(want.email)).toBeVisible();
    await expect(page.getByRole('button', { name: want.sendLink })).toBeVisible();
    await noEnglish();
    await expectNoSeriousViolations(page);
    await lookAt(page, `signin-${lang}`, info);
    await page.goto('/signin/confirm');
    await expect(page.getByRole('heading', { level: 1, name: want.confirmIncomplete })).toBeVisible();
    await page.goto('/signin/error?error=Verification');
    await expect(page.getByRole('heading', { level: 1, name: want.signInError })).toBeVisible();

    await page.goto(`${org}/proposals?q=board&state=bogus`);
    await expect(page.getByRole('heading', { level: 1, name: want.proposals })).toBeVisible();
    await expect(page.getByRole('search', { name: want.search })).toBeVisible();
    await expect(page.getByText(want.ignoredState)).toBeVisible();
    await noEnglish();
    await expectNoSeriousViolations(page);
    await lookAt(page, `proposals-list-${lang}`, info);
    await context.close();
  });
}

/** The decision log and the verify page in French and German (the entries' summaries stay English: docs/i18n.md). */
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

clockTest(
  'a person’s language overrides the browser’s, their refusals, ballot and notice e-mail are in it',
  async ({ page, browser, mailbox, runId, uniqueEmail }, info) => {
    clockTest.setTimeout(240_000);
    const [ana, ben] = [uniqueEmail('ana'), uniqueEmail('ben')];
    const slug = `i18n-${runId}`;
    await foundOrganization(page, mailbox, ana, { name: 'Quai des Langues', slug, seats: 5 });
    await inviteMembers(page, slug, [ben]);
    const benFirst = await openInvite(browser, mailbox, ben);
    await appointFounders(page, slug, [ana, ben]);

    // Ben chooses French on /account; an unknown language is never offered (the action refuses one: integration tests).
    await benFirst.goto('/account');
    await benFirst.getByLabel('Language').selectOption('fr');
    await benFirst.getByRole('button', { name: 'Save language' }).click();
    await expect(benFirst.getByText('Enregistré. Les pages et les e-mails sont désormais en français.')).toBeVisible();
    // In a German browser (his session carried over), Ben still reads French: his choice comes first.
    const context = await browser.newContext({ locale: 'de-DE', storageState: await benFirst.context().storageState() });
    await benFirst.context().close();
    const benPage = await context.newPage();
    await benPage.goto(`/o/${slug}`);
    await expect(benPage.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(benPage.getByText('Vous êtes membre de cette organisation.')).toBeVisible();
    await expect(benPage.getByRole('heading', { name: 'Organes de gouvernance' })).toBeVisible();
    // The members page too: its heading, columns and the roles' meanings.
    await benPage.goto(`/o/${slug}/members`);
    await expect(benPage.getByRole('heading', { level: 1, name: 'Membres' })).toBeVisible();
    await expect(benPage.getByRole('columnheader', { name: 'Rôle' })).toBeVisible();
    await expect(benPage.getByRole('heading', { name: 'Ce que signifient les rôles' })).toBeVisible();
    await expect(benPage.getByText('What the roles mean')).toHaveCount(0);

    // Ana publishes a proposal; Ben's notice of publication is in French.
    await page.goto(`/o/${slug}/proposals/new`);
    await page.getByLabel('Type').selectOption({ label: 'Board resolution' });
    await page.getByLabel('Title').fill('Repaint the stairwell in spring');
    await page.getByLabel('Proposal text').fill('We repaint the stairwell in April, paid from the maintenance reserve.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page).toHaveURL(new RegExp(`/o/${slug}/proposals/1$`));
    await page.getByRole('checkbox', { name: 'I understand' }).check();
    await page.getByRole('button', { name: 'Publish proposal' }).click();
    await expect(page.getByText('In discussion').first()).toBeVisible();
    const notice = await mailbox.latest(ben, /Nouvelle proposition #1 Repaint the stairwell in spring/);
    expect(notice.subject).toBe('[Quai des Langues] Nouvelle proposition #1 Repaint the stairwell in spring');
    expect(notice.text).toContain('Bonjour');
    expect(notice.text).toContain('Les commentaires sont ouverts jusqu’au');
    expect(notice.text).toContain('cet avis ne peut donc pas être désactivé');
    expect(notice.text).toMatch(/Point de contrôle du journal des décisions : \d+ entrées/);
    expect(notice.html).toContain('<html lang="fr">');
    expect(notice.text).not.toContain('Comments are open until');

    // A ballot before voting opens is refused by its code, in French.
    await benPage.goto(`/o/${slug}/proposals/1`);
    await benPage.getByLabel('Pour', { exact: true }).check();
    await benPage.getByRole('button', { name: 'Voter' }).click();
    // The refusal (with its reason after it), not the stage's own 'Le vote n’est pas ouvert.' line.
    await expect(benPage.getByText(/^Le vote n’est pas ouvert\. \S/)).toBeVisible();

    // A week later voting is open: the proposal in voting, its form and Ben's ballot, in French.
    await advanceClock(7 * DAY + 60_000);
    await reloadUntil(benPage, 'Vote ouvert jusqu’au');
    await expect(benPage.getByRole('form', { name: 'Votre vote, Board' })).toBeVisible();
    await benPage.getByLabel('Pour', { exact: true }).check();
    await benPage.getByRole('button', { name: 'Voter' }).click();
    await expect(benPage.getByText('Votre vote (pour) est enregistré. Vous pouvez le modifier jusqu’à la clôture du vote.')).toBeVisible();
    await expectNoSeriousViolations(benPage);
    await lookAt(benPage, 'proposal-voting-fr-signed-in', info);
    await context.close();
  },
);
