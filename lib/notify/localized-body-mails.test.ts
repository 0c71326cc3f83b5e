import { describe, expect, it } from 'vitest';
import { outcomeText, rollCallOutcome, standingText } from '@/lib/governance/roll-call';
import type { Locale } from '@/lib/i18n/locales';
import { notificationMail } from './templates';
import type { NotificationContext, NotificationPayload } from './templates';
import { mailContext } from './testing';
import type { MeetingNotice, RollCallNotice } from './payload';

/** Meetings, roll calls, petitions, written consents, receipts and digests in French and German (docs/i18n.md). */
const ctx = (locale: Locale | undefined, kind: NotificationContext['kind'], payload: NotificationPayload, mandatory = true): NotificationContext =>
  mailContext(locale, kind, payload, { mandatory, recipientName: null });

const meeting: MeetingNotice = {
  id: 'm1',
  number: 3,
  change: 'scheduled',
  meetingKind: 'special',
  bodyName: 'Board',
  title: 'Budget review',
  startsAt: '2026-03-12T18:00:00.000Z',
  endsAt: '2026-03-12T20:00:00.000Z',
  location: 'Community hall',
  agenda: ['Accounts', 'Roof'],
  noticeHours: 48,
  requiredNoticeHours: 72,
  sequence: 0,
};

describe('meetings', () => {
  it('a notice in French, shorter than the charter requires', () => {
    const fr = notificationMail(ctx('fr', 'meeting_notice', { meeting }));
    expect(fr.subject).toMatch(/^\[Garden Group\] Convocation : Réunion nº 3 de l’organe « Board », Budget review, 12 mars 2026/);
    expect(fr.text).toContain('Bonjour,');
    expect(fr.text).toContain('Convocation à une réunion extraordinaire de l’organe « Board » : « Budget review ».');
    expect(fr.text).toContain('Ordre du jour :\n1. Accounts\n2. Roof');
    expect(fr.text).toContain('Ce préavis est de 2 jours, plus court que les 3 jours exigés par les statuts');
    expect(fr.text).toContain('Les statuts exigent que chaque titulaire de siège soit convoqué à chaque réunion');
    expect(fr.html).toContain('<html lang="fr">');
  });

  it('a change and a cancellation in German', () => {
    const de = notificationMail(ctx('de', 'meeting_notice', { meeting: { ...meeting, change: 'updated', meetingKind: 'regular', noticeHours: 100 } }));
    expect(de.subject).toMatch(/^\[Garden Group\] Geändert: Sitzung Nr\. 3 des Gremiums „Board“, Budget review, 12\. März 2026/);
    expect(de.text).toContain('Einladungsfrist: 100 Stunden (die Satzung verlangt 3 Tage für eine ordentliche Sitzung).');
    expect(de.html).toContain('<html lang="de">');
    const cancelled = notificationMail(ctx('de', 'meeting_notice', { meeting: { ...meeting, change: 'cancelled', cancelReason: 'No quorum' } }));
    expect(cancelled.subject).toBe('[Garden Group] Abgesagt: Sitzung Nr. 3 des Gremiums „Board“, Budget review');
    expect(cancelled.text).toContain('Grund: No quorum');
  });

  const half = { num: 1, den: 2, inclusive: false };
  // 4 yes, 1 no, 1 absent of 9 charter seats: quorum met (5 of 5 needed), 5 yes needed — not carried.
  const counts = rollCallOutcome(['yes', 'yes', 'yes', 'yes', 'no', 'absent'], { charterSeats: 9, quorum: half, majority: half });
  const recorded = (facts: Partial<RollCallNotice>): NotificationPayload => ({
    bodyName: 'Board',
    rollCall: { meetingNumber: 3, number: 1, event: 'recorded', motion: 'Fix the roof', answerBy: '2026-03-14T18:00:00.000Z', ...facts },
  });
  const disputed = (facts: Partial<RollCallNotice>): NotificationPayload => ({
    bodyName: 'Board',
    rollCall: { meetingNumber: 3, number: 1, event: 'disputed', motion: 'Fix the roof', note: 'I voted no.', ...facts },
  });

  it('a roll call recorded, in French and German: its count and standing worded from its facts, as the meeting page says them', () => {
    const fr = notificationMail(ctx('fr', 'meeting_roll_call', recorded({ standingCode: 'not_carried', counts })));
    expect(fr.subject).toBe('[Garden Group] Vote nominal : le vote nominal nº 1 de la réunion nº 3 de l’organe « Board » — Non adoptée');
    expect(fr.text).toContain('Motion : Fix the roof');
    expect(fr.text).toContain(
      'Pour 4, contre 1, abstentions 0, absents 1. Quorum atteint : 5 sièges statutaires votants sur 9, 5 requis. Adoption : 5 voix pour requises sur 9 sièges statutaires.',
    );
    expect(fr.text).toContain('\nNon adoptée\n');
    expect(fr.text).toContain('confirmez-le ou contestez-le sur la page de la réunion avant le 14 mars 2026');
    expect(fr.html).toContain('<html lang="fr">');
    expect(fr.text).not.toMatch(/Yes \d|Quorum met|charter seats|carried|Carried/);

    const de = notificationMail(ctx('de', 'meeting_roll_call', recorded({ standingCode: 'held', counts: { ...counts, yes: 5, no: 0, carried: true } })));
    expect(de.subject).toBe(
      '[Garden Group] Ergebnis der namentlichen Abstimmung Nr. 1 der Sitzung Nr. 3 des Gremiums „Board“ — Auf einer irregulären Sitzung angenommen: zurückgestellt — nicht wirksam bis zur Bestätigung',
    );
    expect(de.text).toContain(
      'Ja 5, Nein 0, Enthaltung 0, abwesend 1. Beschlussfähigkeit erreicht: 5 von 9 satzungsmäßigen Sitzen stimmen ab, 5 erforderlich.',
    );
    expect(de.html).toContain('<html lang="de">');
    expect(de.text).not.toMatch(/Yes \d|Quorum met|charter seats|held|Carried/);
  });

  it('a dispute, in German and French: the standing in the language, a seat holder without a name named in it too', () => {
    const de = notificationMail(ctx('de', 'meeting_roll_call', disputed({ standingCode: 'in_effect' })));
    expect(de.text).toContain('Ein Sitzinhaber bestreitet die in der namentlichen Abstimmung Nr. 1');
    expect(de.text).toContain('Anmerkung: I voted no.\nAngenommen: wirksam\nDer Einspruch ist auf der Seite der Sitzung öffentlich.');
    const fr = notificationMail(ctx('fr', 'meeting_roll_call', disputed({ standingCode: 'ratified', voterName: 'Ana' })));
    expect(fr.text).toContain('Ana conteste le vote enregistré à son nom');
    expect(fr.text).toContain('\nAdoptée et ratifiée : en vigueur\n');
    expect(`${de.text}${fr.text}`).not.toMatch(/A seat holder|Carried/);
  });

  it('a roll call in English: from its facts, word for word the English lines the rules write (and older rows carried)', () => {
    const facts = { standingCode: 'not_carried', counts } as const;
    const english = { standing: standingText('not_carried'), outcome: outcomeText(counts) };
    const en = notificationMail(ctx('en', 'meeting_roll_call', recorded(facts)));
    expect(en).toEqual(notificationMail(ctx(undefined, 'meeting_roll_call', recorded(english))));
    expect(en.subject).toBe('[Garden Group] Roll call: roll call 1 of meeting #3 of the Board — Not carried');
    expect(en.text).toContain(
      'Motion: Fix the roof\nYes 4, no 1, abstain 0, absent 1. Quorum met: 5 of 9 charter seats voting, 5 needed. 5 yes votes of 9 charter seats needed to carry.\nNot carried\n',
    );
    for (const code of ['held', 'in_effect', 'ratified'] as const) {
      expect(notificationMail(ctx('en', 'meeting_roll_call', disputed({ standingCode: code })))).toEqual(
        notificationMail(ctx(undefined, 'meeting_roll_call', disputed({ standing: standingText(code), voterName: 'A seat holder' }))),
      );
    }
  });

  it('an older row, queued with the English lines only, still sends them as given', () => {
    const old = recorded({ standing: 'Carried: in effect', outcome: 'Yes 5, no 0, abstain 0, absent 1.' });
    const fr = notificationMail(ctx('fr', 'meeting_roll_call', old));
    expect(fr.subject).toBe('[Garden Group] Vote nominal : le vote nominal nº 1 de la réunion nº 3 de l’organe « Board » — Carried: in effect');
    expect(fr.text).toContain('Motion : Fix the roof\nYes 5, no 0, abstain 0, absent 1.\nCarried: in effect\n');
    expect(notificationMail(ctx('en', 'meeting_roll_call', old)).text).toContain(
      'Motion: Fix the roof\nYes 5, no 0, abstain 0, absent 1.\nCarried: in effect\n',
    );
  });
});

describe('petitions, written consents, receipts', () => {
  it('a petition at its threshold and answered late', () => {
    const fr = notificationMail(
      ctx('fr', 'petition_threshold', { petitionNumber: 2, title: 'Bike racks', bodyName: 'Board', signatures: 25, answerDueAt: '2026-04-01T09:00:00.000Z' }),
    );
    expect(fr.subject).toBe('[Garden Group] La pétition nº 2 a atteint son seuil : l’organe « Board » doit y répondre');
    expect(fr.text).toContain('La pétition nº 2 Bike racks a recueilli 25 signatures');
    expect(fr.text).toContain('avant le 1 avr. 2026');
    const de = notificationMail(
      ctx('de', 'petition_update', { petitionNumber: 2, title: 'Bike racks', bodyName: 'Board', petitionEvent: 'answered', late: true }, false),
    );
    expect(de.subject).toBe('[Garden Group] Die Petition Nr. 2 wurde beantwortet, nach Ablauf der Frist');
    expect(de.text).toContain('„Petitionen, die Sie eröffnet oder unterschrieben haben“ in Ihren Einstellungen');
    expect(de.html).toContain('<html lang="de">');
  });

  it('a written consent opened and withdrawn', () => {
    const de = notificationMail(
      ctx('de', 'written_consent', {
        consentNumber: 5,
        title: 'Buy a mower',
        bodyName: 'Board',
        consentEvent: 'opened',
        expiresAt: '2026-03-20T09:00:00.000Z',
      }),
    );
    expect(de.subject).toBe('[Garden Group] Der Umlaufbeschluss Nr. 5 des Gremiums „Board“ braucht Ihre Unterschrift: Buy a mower');
    expect(de.text).toContain('verfällt sonst am 20. März 2026');
    const fr = notificationMail(ctx('fr', 'written_consent', { consentNumber: 5, title: 'Buy a mower', bodyName: 'Board', consentEvent: 'withdrawn' }));
    expect(fr.subject).toBe('[Garden Group] Le consentement écrit nº 5 de l’organe « Board » a été retiré');
    expect(fr.text).toContain('n’a pas pris effet : il a été retiré.');
    expect(fr.html).toContain('<html lang="fr">');
  });

  it('a ballot receipt', () => {
    const fr = notificationMail(ctx('fr', 'ballot_receipt', { number: 4, title: 'Repaint', receipt: 'K7Q-22', closesAt: '2026-03-12T09:00:00.000Z' }));
    expect(fr.subject).toBe('[Garden Group] Votre reçu de vote pour #4 Repaint');
    expect(fr.text).toContain('Votre reçu : K7Q-22');
    expect(fr.text).toContain('ce reçu est le seul moyen de le retrouver');
    expect(fr.text).toContain('Retrouver votre bulletin après la clôture: https://quorate.test/o/garden/proposals/4/receipt');
    const de = notificationMail(ctx('de', 'ballot_receipt', { number: 4, title: 'Repaint', receipt: 'K7Q-22' }));
    expect(de.subject).toBe('[Garden Group] Ihre Stimmquittung für #4 Repaint');
    expect(de.html).toContain('<html lang="de">');
  });
});

describe('the daily digest', () => {
  const digest: NotificationPayload = {
    items: [
      { kind: 'decision', payload: { number: 4, title: 'Repaint', outcome: 'passed' } },
      { kind: 'followed_activity', payload: { number: 5, title: 'Roof', activity: 'comment', actorName: 'Ben' } },
    ],
    waiting: [{ number: 6, title: 'Budget', closesAt: '2026-03-12T09:00:00.000Z', delegateVoted: true }],
    delegations: [{ delegateName: 'Ana', typeKey: null, proposalNumber: null }],
  };

  it('in French and German, each item by its translated subject, with links', () => {
    const fr = notificationMail(ctx('fr', 'digest', digest, false));
    expect(fr.subject).toBe('[Garden Group] Résumé du jour : 2 nouvelles');
    expect(fr.text).toContain('2 nouvelles depuis votre dernier résumé :');
    expect(fr.text).toContain('• Décision sur #4 Repaint : adoptée\n  https://quorate.test/o/garden/proposals/4');
    expect(fr.text).toContain('• Nouveau commentaire sur #5 Roof');
    expect(fr.text).toContain('En attente de votre vote : nº 6 Budget (clôture le 12 mars 2026');
    expect(fr.text).toContain('votre délégué a voté pour vous');
    expect(fr.text).toContain('Votre délégation : votre vote va à Ana dans chaque vote de tous les membres, sauf si vous votez vous-même');
    expect(fr.text).toContain('« Résumé quotidien » est activé');
    expect(fr.html).toContain('<html lang="fr">');
    const de = notificationMail(ctx('de', 'digest', { ...digest, items: digest.items!.slice(0, 1) }, false));
    expect(de.subject).toBe('[Garden Group] Tägliche Zusammenfassung: 1 Neuigkeit');
    expect(de.html).toContain('>Entscheidung über #4 Repaint: angenommen</a>');
    expect(de.html).toContain('<html lang="de">');
  });

  it('English is unchanged', () => {
    expect(notificationMail(ctx('en', 'digest', digest, false))).toEqual(notificationMail(ctx(undefined, 'digest', digest, false)));
    expect(notificationMail(ctx('en', 'digest', digest, false)).subject).toBe('[Garden Group] Daily digest: 2 updates');
  });
});
