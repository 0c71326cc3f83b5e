import type { Page } from '@playwright/test';
import { expect, signInByMagicLink, test } from './fixtures';
import { expectNoSeriousViolations, lookAt, org, visitIn } from './i18n-support';

// The organization page and a proposal in voting, the home, sign-in and proposals pages, the seats page and "My
// delegations" in English, French and German, in the browser's language (Accept-Language, from Playwright's
// `locale`): axe clean in each, nothing overflowing at 390 px. The person's own choice over the browser's, and a notice
// e-mail in the recipient's language: e2e/i18n-journeys.spec.ts; forms, account, log and verify pages:
// e2e/i18n-forms.spec.ts.

// The demo's proposal in voting: "Approve the 2027 operating budget" (decided by the time a
// clock-moving spec has run before this one: its badge is then the decision's, in the same language).
const voting = `${org}/proposals/7`;

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
