import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page, TestInfo } from '@playwright/test';
import {
  advanceClock,
  appointFounders,
  clockTest,
  expect,
  foundOrganization,
  foundWithAnaBenCleo,
  inviteAndJoin,
  inviteMembers,
  nameThemselves,
  openInvite,
  reloadUntil,
  signInByMagicLink,
  test,
  waitForHydration,
} from './fixtures';
import { startIn } from './meeting-steps';

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

/** The seats page and "My delegations" in each language: headings, sections, forms and their answers. */
const seatPages = {
  fr: {
    who: 'linus',
    seats: 'Sièges',
    mine: 'Vos sièges',
    resign: 'Démissionner de ce siège',
    delegations: 'Mes délégations',
    noneMine: 'Vous n’avez pas délégué votre vote. Lorsque vous ne votez pas, votre vote n’est pas compté.',
    noneToMe: 'Personne ne vous a délégué son vote.',
    how: 'Comment fonctionne la délégation',
    cannot: /Les statuts de Riverbend Commons ne permettent aux membres de déléguer leur vote dans aucun vote\./,
  },
  de: {
    who: 'margaret',
    seats: 'Sitze',
    mine: 'Ihre Sitze',
    resign: 'Von diesem Sitz zurücktreten',
    delegations: 'Meine Vollmachten',
    noneMine: 'Sie haben Ihre Stimme nicht übertragen. Wenn Sie nicht abstimmen, wird Ihre Stimme nicht gezählt.',
    noneToMe: 'Niemand hat Ihnen seine Stimme übertragen.',
    how: 'So funktionieren Vollmachten',
    cannot: /Die Satzung von Riverbend Commons erlaubt den Mitgliedern bei keiner Abstimmung, ihre Stimme zu übertragen\./,
  },
} as const;
const seatEnglish = [
  'Your seats',
  'Resign this seat',
  'Resign now',
  'My delegations',
  'Your delegations',
  'Delegated to you',
  'Delegate your vote',
  'How delegation works',
  'Nobody has delegated their vote to you.',
];

for (const [lang, browserLocale] of [
  ['fr', 'fr-FR'],
  ['de', 'de-DE'],
] as const) {
  test(`the seats page and “My delegations” read in ${lang} (browser ${browserLocale}), axe clean`, async ({ page, browser, mailbox }, info) => {
    const want = seatPages[lang];
    const noEnglish = async (p: Page) => {
      for (const text of seatEnglish) await expect(p.getByText(text, { exact: true })).toHaveCount(0);
    };
    // A visitor: the seats page is public, its title too.
    const { context: visitor, page: visitorPage } = await visitIn(browser, browserLocale);
    await visitorPage.goto(`${org}/seats`);
    await expect(visitorPage.locator('html')).toHaveAttribute('lang', lang);
    await expect(visitorPage.getByRole('heading', { level: 1, name: want.seats })).toBeVisible();
    await expect(visitorPage).toHaveTitle(`${want.seats} · Quorate`);
    await visitor.close();

    // Linus and Margaret hold board seats (a person each: the two languages run side by side): their seats, with the
    // resignation behind a disclosure (opened, not used).
    await signInByMagicLink(page, mailbox, `${want.who}@demo.quorate.localhost`, org);
    const context = await browser.newContext({ locale: browserLocale, storageState: await page.context().storageState() });
    const holder = await context.newPage();
    await holder.goto(`${org}/seats`);
    await expect(holder.getByRole('heading', { level: 1, name: want.seats })).toBeVisible();
    const mine = holder.getByRole('region', { name: want.mine });
    await expect(mine).toBeVisible();
    await mine.getByText(want.resign).first().click();
    await noEnglish(holder);
    await expectNoSeriousViolations(holder);
    await lookAt(holder, `seats-${lang}`, info);

    // The demo charter lets nobody delegate: the page says so, in the reader's language.
    await holder.goto(`${org}/delegations`);
    await expect(holder.getByRole('heading', { level: 1, name: want.delegations })).toBeVisible();
    await expect(holder).toHaveTitle(`${want.delegations} · Quorate`);
    await expect(holder.getByText(want.noneMine)).toBeVisible();
    await expect(holder.getByText(want.noneToMe)).toBeVisible();
    await expect(holder.getByText(want.cannot)).toBeVisible();
    await expect(holder.getByRole('heading', { name: want.how })).toBeVisible();
    await noEnglish(holder);
    await expectNoSeriousViolations(holder);
    await lookAt(holder, `delegations-${lang}`, info);
    await context.close();
  });
}

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
    preview: /^Aperçu : les statuts « Nonprofit board »/,
    create: 'Créer l’organisation',
    prompt: 'Comment les autres doivent-ils vous appeler ?',
  },
  de: {
    account: 'Ihr Konto',
    accountHeadings: ['Ihr Kalender', 'API-Tokens', 'Ihre Daten', 'Ihr Konto löschen'],
    createLink: 'Meinen Kalenderlink erstellen',
    newOrg: 'Eine Organisation gründen',
    seats: 'Sitze im Hauptgremium',
    preview: /^Vorschau: die Satzung „Nonprofit board“/,
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

clockTest(
  'a person’s language overrides the browser’s, their refusals, ballot and notice e-mail are in it',
  async ({ page, browser, mailbox, runId, uniqueEmail }, info) => {
    clockTest.setTimeout(360_000);
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

    // The new-proposal page in French (Ben's choice): heading, fields, the type's rules, the button.
    await benPage.goto(`/o/${slug}/proposals/new`);
    await expect(benPage.getByRole('heading', { level: 1, name: 'Nouvelle proposition' })).toBeVisible();
    await expect(benPage.getByLabel('Texte de la proposition')).toBeVisible();
    await expect(benPage.getByText(/^Au moins 7 jours de discussion ; puis /).first()).toBeVisible();
    await expect(benPage.getByRole('button', { name: 'Enregistrer le brouillon' })).toBeVisible();
    await expect(benPage.getByText('Save draft')).toHaveCount(0);
    await expectNoSeriousViolations(benPage);
    await lookAt(benPage, 'new-proposal-fr', info);

    // Petitions in French: Ben opens one (its success line in French), signs it, and reads its page.
    await benPage.goto(`/o/${slug}/petitions`);
    await expect(benPage.getByRole('heading', { level: 1, name: 'Pétitions' })).toBeVisible();
    await expect(benPage.getByText(/doit répondre publiquement dans un délai de 30 jours/)).toBeVisible();
    await waitForHydration(benPage);
    const openForm = benPage.getByRole('form', { name: 'Ouvrir une pétition' });
    await openForm.getByLabel('Titre').fill('Des bancs dans la cour');
    await openForm.getByLabel('Ce que vous demandez, et pourquoi').fill('Deux bancs près du portail, pour attendre le bus à l’abri.');
    await openForm.getByRole('button', { name: 'Ouvrir la pétition' }).click();
    await expect(benPage).toHaveURL(new RegExp(`/o/${slug}/petitions/1$`));
    await expect(benPage.getByRole('heading', { level: 1, name: 'Pétition n° 1 Des bancs dans la cour' })).toBeVisible();
    await expect(benPage.getByText('La pétition n° 1 est ouverte aux signatures.')).toBeVisible();
    await waitForHydration(benPage);
    const signForm = benPage.getByRole('form', { name: 'Signer la pétition n° 1' });
    await signForm.getByRole('checkbox').check();
    await signForm.getByRole('button', { name: 'Signer cette pétition' }).click();
    await expect(benPage.getByText('Vous avez signé cette pétition.')).toBeVisible();
    await expect(benPage.getByText('Seuil atteint', { exact: true })).toBeVisible();
    await expect(benPage.getByText('You have signed this petition.')).toHaveCount(0);
    await expectNoSeriousViolations(benPage);
    await lookAt(benPage, 'petition-fr', info);

    // Ana in a German browser: the new-proposal page, the petitions list and the petition.
    const anaDe = await browser.newContext({ locale: 'de-DE', storageState: await page.context().storageState() });
    const anaPage = await anaDe.newPage();
    await anaPage.goto(`/o/${slug}/proposals/new`);
    await expect(anaPage.locator('html')).toHaveAttribute('lang', 'de');
    await expect(anaPage.getByRole('heading', { level: 1, name: 'Neuer Antrag' })).toBeVisible();
    await expect(anaPage.getByLabel('Antragstext')).toBeVisible();
    await expect(anaPage.getByRole('button', { name: 'Entwurf speichern' })).toBeVisible();
    await expectNoSeriousViolations(anaPage);
    await lookAt(anaPage, 'new-proposal-de', info);
    await anaPage.goto(`/o/${slug}/petitions`);
    await expect(anaPage.getByRole('heading', { name: 'Schwelle erreicht: Antwort ausstehend (1)' })).toBeVisible();
    await expectNoSeriousViolations(anaPage);
    await lookAt(anaPage, 'petitions-de', info);
    await anaPage.goto(`/o/${slug}/petitions/1`);
    await expect(anaPage.getByRole('heading', { level: 1, name: 'Petition Nr. 1 Des bancs dans la cour' })).toBeVisible();
    await expect(anaPage.getByRole('form', { name: 'Petition beantworten' })).toBeVisible();
    await expectNoSeriousViolations(anaPage);
    await lookAt(anaPage, 'petition-de', info);
    await anaDe.close();

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

test('a meeting scheduled in French: the form, its answer, the meeting’s page and the list', async ({ page, browser, mailbox, runId, uniqueEmail }, info) => {
  test.setTimeout(180_000);
  const slug = `i18n-meet-${runId}`;
  await foundWithAnaBenCleo({ page, browser, mailbox, uniqueEmail }, { name: 'Jardin des Langues', template: 'Informal group', body: 'Group', slug });

  // Ana, in a French browser, schedules a meeting ten days ahead through the French form.
  const context = await browser.newContext({ locale: 'fr-FR', storageState: await page.context().storageState() });
  const ana = await context.newPage();
  await ana.goto(`/o/${slug}/meetings`);
  await expect(ana).toHaveTitle(/^Réunions/);
  await expect(ana.getByRole('heading', { level: 1, name: 'Réunions' })).toBeVisible();
  await expect(ana.getByText('Aucune réunion pour l’instant.')).toBeVisible();
  await waitForHydration(ana);
  const schedule = ana.getByRole('form', { name: 'Convoquer une réunion' });
  await expect(schedule.getByRole('radio', { name: 'Réunion ordinaire (convocation de 3 jours)' })).toBeChecked();
  await schedule.getByLabel('Titre').fill('Plan des semis');
  // Ten days after the server's now (other specs may have moved its clock).
  await schedule.getByLabel('Début (UTC)').fill(await startIn(10 * DAY));
  await expect(schedule.getByLabel('Durée')).toHaveValue('90');
  await expect(schedule.getByLabel('Durée').locator('option:checked')).toHaveText('1,5 heure');
  await schedule.getByLabel('Lieu ou lien').fill('La remise à outils');
  await schedule.getByLabel('Ordre du jour').fill('Commande de graines');
  await schedule.getByRole('button', { name: 'Convoquer et envoyer la convocation' }).click();
  await expect(ana).toHaveURL(new RegExp(`/o/${slug}/meetings/1$`));
  await expect(ana.getByText('La réunion n° 1 est convoquée ; chaque titulaire de siège reçoit sa convocation.')).toBeVisible();
  await expect(ana).toHaveTitle(/^Réunion n° 1/);
  await expect(ana.getByRole('heading', { level: 1, name: 'Réunion n° 1 Plan des semis' })).toBeVisible();
  await expect(ana.getByRole('region', { name: 'Ordre du jour' })).toContainText('Commande de graines');
  await expect(ana.getByRole('region', { name: 'Convocation' })).toContainText('avant le début ; la charte exige 3 jours.');
  await expect(ana.getByRole('region', { name: 'Présences' })).toContainText('Les présences sont enregistrées dès le début de la réunion.');
  await expect(ana.getByRole('region', { name: 'Votes par appel nominal' })).toContainText('Aucun vote par appel nominal enregistré.');
  await expect(ana.getByRole('region', { name: 'Procès-verbal' })).toContainText('Pas encore de procès-verbal.');
  for (const text of ['All meetings', 'Agenda', 'Notice', 'Attendance', 'Roll-call votes', 'Change the meeting', 'Cancel the meeting'])
    await expect(ana.getByText(text, { exact: true })).toHaveCount(0);
  await expectNoSeriousViolations(ana);
  await lookAt(ana, 'meeting-fr', info);

  await ana.goto(`/o/${slug}/meetings`);
  await expect(ana.getByRole('region', { name: 'À venir (1)' })).toContainText('Réunion n° 1 Plan des semis');
  await expect(ana.getByTestId('meeting-1')).toContainText('Réunion ordinaire');
  await expectNoSeriousViolations(ana);
  await lookAt(ana, 'meetings-fr', info);
  await context.close();
});

test('the settings pages and a written consent read in French: the profile, notifications, webhooks, a consent opened, with its answer', async ({
  page,
  browser,
  mailbox,
  runId,
  uniqueEmail,
}, info) => {
  test.setTimeout(240_000);
  const slug = `fr-consent-${runId}`;
  await foundWithAnaBenCleo({ page, browser, mailbox, uniqueEmail }, { name: 'Jardin des Tilleuls', template: 'Informal group', body: 'Group', slug });
  // Ana (the founding admin and a seat holder) in a French browser.
  const fr = await browser.newContext({ locale: 'fr-FR', storageState: await page.context().storageState() });
  const ana = await fr.newPage();
  await ana.goto(`/o/${slug}/settings/profile`);
  await expect(ana.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(ana.getByRole('heading', { level: 1, name: 'Profil de l’organisation' })).toBeVisible();
  await expect(ana.getByRole('button', { name: 'Enregistrer le profil' })).toBeVisible();
  await expect(ana.getByLabel('Fichier image')).toBeVisible();
  for (const phrase of ['Save profile', 'Image file', 'Upload the logo', 'Visibility']) await expect(ana.getByText(phrase, { exact: true })).toHaveCount(0);
  await expectNoSeriousViolations(ana);
  await lookAt(ana, 'settings-profile-fr', info);
  await ana.goto(`/o/${slug}/settings/notifications`);
  await expect(ana.getByRole('heading', { level: 1, name: 'Préférences de notification' })).toBeVisible();
  await expect(ana.getByRole('heading', { name: 'Toujours envoyés' })).toBeVisible();
  await expectNoSeriousViolations(ana);
  await lookAt(ana, 'settings-notifications-fr', info);
  await ana.goto(`/o/${slug}/settings/webhooks`);
  await expect(ana.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
  await expect(ana.getByText('Aucun point de terminaison pour l’instant.')).toBeVisible();
  await expectNoSeriousViolations(ana);

  // A written consent opened in French, with its answer and its page.
  await ana.goto(`/o/${slug}/written-consents`);
  await waitForHydration(ana);
  const open = ana.getByRole('form', { name: 'Ouvrir un consentement écrit' });
  await open.getByLabel('Titre').fill('Acheter un récupérateur d’eau');
  await open.getByLabel('Texte de la résolution').fill('Le groupe achète un récupérateur d’eau de pluie pour le jardin partagé.');
  await open.getByRole('button', { name: 'Ouvrir à la signature' }).click();
  await expect(ana).toHaveURL(new RegExp(`/o/${slug}/written-consents/1$`));
  await expect(ana.getByText('Le consentement écrit n° 1 est ouvert : chaque titulaire de siège l’a reçu pour signature.')).toBeVisible();
  await expect(ana.getByRole('heading', { level: 1, name: /Consentement écrit n° 1 Acheter un récupérateur/ })).toBeVisible();
  await expect(ana.getByTestId('consent-state')).toContainText('Ouvert à la signature.');
  await expect(ana.getByRole('region', { name: 'État' })).toContainText('0 signataires sur 3 ont signé.');
  for (const phrase of ['Signers', 'Not signed', 'The resolution', 'All written consents']) await expect(ana.getByText(phrase, { exact: true })).toHaveCount(0);
  await expectNoSeriousViolations(ana);
  await lookAt(ana, 'written-consent-fr', info);
  await fr.close();
});

for (const [lang, browserLocale, adopted, english] of [
  ['fr', 'fr-FR', /^Adoption des statuts, version \d+/, 'Charter version'],
  ['de', 'de-DE', /^Satzung in Fassung \d+ angenommen/, 'Charter version'],
] as const) {
  test(`the decision log's entry summaries read in ${lang} (browser ${browserLocale})`, async ({ browser }) => {
    const { context, page } = await visitIn(browser, browserLocale);
    await page.goto(`${org}/log?kind=charter.adopted`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const entry = page.locator('li[id^="entry-"]').first();
    await expect(entry.locator('span.font-medium').first()).toHaveText(adopted);
    await expect(page.getByText(english)).toHaveCount(0);
    await context.close();
  });
}
