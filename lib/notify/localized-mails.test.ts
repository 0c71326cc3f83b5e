import { describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/locales';
import { invitationMail, magicLinkMail, notificationMail } from './templates';
import type { NotificationContext, NotificationPayload } from './templates';
import { mailContext } from './testing';

/** The e-mails translated beyond the first three notices (docs/i18n.md), rendered in French and German. */
const ctx = (locale: Locale | undefined, kind: NotificationContext['kind'], payload: NotificationPayload, mandatory = false): NotificationContext =>
  mailContext(
    locale,
    kind,
    { number: 4, title: 'Repaint the stairwell', ...payload },
    {
      mandatory,
      checkpoint: { size: 12, rootHash: 'ab'.repeat(32), note: 'quorate.test/o/garden\n12\nq83=\n\n— sig' },
    },
  );

const tally = { yes: 5, no: 1, abstain: 0, cast: 6, charterSeats: 9, quorumRequired: 5, quorumMet: true, yesRequired: 4 };

describe('the decision notice in French and German', () => {
  it('passed, with its tally', () => {
    const fr = notificationMail(ctx('fr', 'decision', { outcome: 'passed', tally }));
    expect(fr.subject).toBe('[Garden Group] Décision sur #4 Repaint the stairwell : adoptée');
    expect(fr.text).toContain('Bonjour Ana,');
    expect(fr.text).toContain('La proposition #4 Repaint the stairwell a été adoptée.');
    expect(fr.text).toContain(
      'Résultat : 5 pour, 1 contre, 0 abstention(s) (6 sur 9 sièges statutaires ont voté ; quorum de 5 atteint ; 4 voix pour requises).',
    );
    expect(fr.text).toContain('« Décisions » est activé dans vos préférences');
    expect(fr.text).toContain('Voir la décision et le vote nominal: https://quorate.test/o/garden/proposals/4');
    expect(fr.html).toContain('<html lang="fr">');
    expect(fr.text).not.toMatch(/Tally|Decided|passed/);

    const de = notificationMail(ctx('de', 'decision', { outcome: 'failed_quorum', tally: { ...tally, cast: 3, yes: 3, no: 0, quorumMet: false } }));
    expect(de.subject).toBe('[Garden Group] Entscheidung über #4 Repaint the stairwell: nicht beschlussfähig');
    expect(de.text).toContain('Der Antrag #4 Repaint the stairwell ist mangels Beschlussfähigkeit gescheitert.');
    expect(de.text).toContain('Quorum von 5 nicht erreicht');
    expect(de.text).toContain('„Entscheidungen“ in Ihren Einstellungen eingeschaltet');
    expect(de.html).toContain('<html lang="de">');
  });

  it('by consent, and a choice among options', () => {
    const fr = notificationMail(ctx('fr', 'decision', { outcome: 'passed', objectionsStood: 2 }));
    expect(fr.text).toContain('Décidée par consentement : 2 objections étaient maintenues à la clôture de la période.');
    const de = notificationMail(ctx('de', 'decision', { outcome: 'passed', objectionsStood: 0 }));
    expect(de.text).toContain('Im Konsent entschieden: Bei Fristende bestand kein Einwand.');
    expect(de.text).toContain('Entscheidung ansehen: https://');
    const chosen = notificationMail(ctx('de', 'decision', { outcome: 'passed', chosen: ['Blue', 'Green'], tally }));
    expect(chosen.subject).toBe('[Garden Group] Entscheidung über #4 Repaint the stairwell: gewählt wurde Blue, Green');
    expect(chosen.text).toContain('6 geheime Stimmzettel bei 9 satzungsgemäßen Sitzen');
  });

  it('English is the English notice, whatever the path', () => {
    const en = notificationMail(ctx('en', 'decision', { outcome: 'passed', tally }));
    expect(en).toEqual(notificationMail(ctx(undefined, 'decision', { outcome: 'passed', tally })));
    expect(en.subject).toBe('[Garden Group] Decided: #4 Repaint the stairwell passed');
    expect(en.html).toContain('<html lang="en">');
  });
});

describe('notices to followers in French and German', () => {
  it('a comment, a reply, a revision during a consent window', () => {
    const fr = notificationMail(ctx('fr', 'followed_activity', { activity: 'comment', actorName: 'Ben' }));
    expect(fr.subject).toBe('[Garden Group] Nouveau commentaire sur #4 Repaint the stairwell');
    expect(fr.text).toContain('Ben a commenté #4 Repaint the stairwell.');
    expect(fr.text).toContain('parce que vous suivez cette proposition dans Garden Group et que « Propositions que vous suivez » est activé');
    expect(fr.html).toContain('<html lang="fr">');
    const de = notificationMail(ctx('de', 'followed_activity', { activity: 'reply', actorName: null }));
    expect(de.subject).toBe('[Garden Group] Neue Antwort zu #4 Repaint the stairwell');
    expect(de.text).toContain('Jemand hat auf einen Kommentar zu #4 Repaint the stairwell geantwortet.');
    expect(de.html).toContain('<html lang="de">');
    const revised = notificationMail(
      ctx('de', 'followed_activity', { activity: 'revision', actorName: 'Ben', revision: 2, consent: true, closesAt: '2026-03-12T09:00:00.000Z' }),
    );
    expect(revised.text).toContain('Ben hat #4 Repaint the stairwell überarbeitet (Fassung 2).');
    expect(revised.text).toContain('Einwände sind bis 12. März 2026');
    const decided = notificationMail(ctx('fr', 'followed_activity', { activity: 'decided', outcome: 'rejected' }));
    expect(decided.text).toContain('La proposition #4 Repaint the stairwell a été rejetée.');
  });

  it('the comment window closing', () => {
    const fr = notificationMail(ctx('fr', 'comment_window_closing', { discussionClosesAt: '2026-03-09T09:00:00.000Z' }));
    expect(fr.subject).toBe('[Garden Group] Les commentaires se closent bientôt sur #4 Repaint the stairwell');
    expect(fr.text).toContain('Elle se clôt le 9 mars 2026');
    expect(fr.text).toContain('« Clôture des commentaires »');
  });
});

describe('the invitation and the sign-in link in French and German', () => {
  const invitation = {
    url: 'https://quorate.test/signin/confirm?t=1',
    organizationName: 'Garden <Group>',
    inviterName: 'Ana',
    roleLabel: 'Member',
    role: 'member',
    expiresInDays: 7,
  };

  it('the invitation: subject, role, expiry, html escaped, html lang', () => {
    const fr = invitationMail({ ...invitation, locale: 'fr' });
    expect(fr.subject).toBe('[Garden <Group>] Ana vous invite à rejoindre Garden <Group>');
    expect(fr.text).toContain('Ana vous invite à rejoindre Garden <Group> sur Quorate en tant que membre.');
    expect(fr.text).toContain('expire dans 7 jours');
    expect(fr.html).toContain('<strong>Ana</strong> vous invite à rejoindre <strong>Garden &lt;Group&gt;</strong>');
    expect(fr.html).not.toContain('<Group>');
    expect(fr.html).toContain('<html lang="fr">');
    const de = invitationMail({ ...invitation, role: 'admin', inviterName: null, locale: 'de' });
    expect(de.subject).toBe('[Garden <Group>] Ein Administrator lädt Sie zu Garden <Group> ein');
    expect(de.text).toContain('auf Quorate als Administrator beizutreten.');
    expect(de.text).toContain('läuft in 7 Tagen ab');
    expect(de.html).toContain('<html lang="de">');
  });

  it('the sign-in link', () => {
    const fr = magicLinkMail({ url: 'https://quorate.test/signin/confirm?t=1', host: 'quorate.test', expiresInMinutes: 15, locale: 'fr' });
    expect(fr.subject).toBe('Connexion à Quorate (quorate.test)');
    expect(fr.text).toContain('expire dans 15 minutes');
    expect(fr.text).toContain('https://quorate.test/signin/confirm?t=1');
    expect(fr.html).toContain('<strong>quorate.test</strong>');
    expect(fr.html).toContain('<html lang="fr">');
    const de = magicLinkMail({ url: 'https://quorate.test/signin/confirm?t=1', host: 'quorate.test', expiresInMinutes: 15, locale: 'de' });
    expect(de.subject).toBe('Bei Quorate anmelden (quorate.test)');
    expect(de.text).toContain('läuft in 15 Minuten ab');
    expect(de.html).toContain('<html lang="de">');
  });

  it('English is unchanged', () => {
    const en = magicLinkMail({ url: 'http://x.test/l', host: 'x.test', expiresInMinutes: 15, locale: 'en' });
    expect(en).toEqual(magicLinkMail({ url: 'http://x.test/l', host: 'x.test', expiresInMinutes: 15 }));
    expect(en.subject).toBe('Sign in to Quorate (x.test)');
    expect(invitationMail({ ...invitation, locale: 'en' })).toEqual(invitationMail({ ...invitation, role: undefined }));
    expect(invitationMail({ ...invitation, locale: 'en' }).subject).toBe('[Garden <Group>] Ana invites you to join Garden <Group>');
  });
});
