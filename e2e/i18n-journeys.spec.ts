import {
  advanceClock,
  appointFounders,
  clockTest,
  expect,
  foundOrganization,
  foundWithAnaBenCleo,
  inviteMembers,
  openInvite,
  reloadUntil,
  test,
  waitForHydration,
} from './fixtures';
import { startIn } from './meeting-steps';
import { DAY, expectNoSeriousViolations, lookAt, org, visitIn } from './i18n-support';

// Journeys in a chosen language: a person's language over the browser's, with refusals, ballot and notice e-mail (this
// one moves the server clock: clockTest); a meeting scheduled, the settings pages and a written consent in French; the
// decision log's entry summaries in French and German.

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
