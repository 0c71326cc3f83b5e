import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import type { Locale } from '@/lib/i18n/locales';
import { kindLabels, mandatoryReasons } from './kinds';
import { notificationMail } from './templates';
import type { NotificationContext, NotificationPayload } from './templates';
import { mailContext } from './testing';

/** Right of reply, vacancies, emergency decisions, founding closed and nominations in French and German. */
const ctx = (locale: Locale | undefined, kind: NotificationContext['kind'], payload: NotificationPayload, mandatory = true): NotificationContext =>
  mailContext(locale, kind, { number: 4, title: 'Remove the treasurer', ...payload }, { mandatory });

describe('notices about seats and emergencies', () => {
  it('right of reply, with the reply’s guaranteed time', () => {
    const fr = notificationMail(
      ctx('fr', 'right_of_reply', { typeName: 'Officer removal', discussionClosesAt: '2026-03-09T09:00:00.000Z', replyClosesAt: '2026-03-10T09:00:00.000Z' }),
    );
    expect(fr.subject).toBe('[Garden Group] Vous avez un droit de réponse sur #4 Remove the treasurer');
    expect(fr.text).toContain('Officer removal #4 Remove the treasurer vous désigne comme personne concernée.');
    expect(fr.text).toContain('votre réponse a sa place garantie jusqu’au 10 mars 2026');
    expect(fr.text).toContain('Les statuts vous garantissent une réponse avant l’ouverture du vote');
    expect(fr.html).toContain('<html lang="fr">');
    const de = notificationMail(ctx('de', 'right_of_reply', { discussionClosesAt: '2026-03-09T09:00:00.000Z' }));
    expect(de.text).toContain('Ein Antrag #4 Remove the treasurer nennt Sie als betroffene Person.');
    expect(de.html).toContain('<html lang="de">');
  });

  it('vacancies past their deadline', () => {
    const seats = [
      { position: 2, vacatedAt: '2026-01-01T00:00:00.000Z' },
      { position: 5, vacatedAt: '2026-01-02T00:00:00.000Z' },
    ];
    const de = notificationMail(ctx('de', 'vacancy_overdue', { bodyName: 'Board', seats, deadlineDays: 60 }, false));
    expect(de.subject).toBe('[Garden Group] 2 Sitze im Gremium „Board“ sind über die Frist hinaus unbesetzt');
    expect(de.text).toContain('2 Sitze im Gremium „Board“ sind länger unbesetzt als die 60 Tage, die die Satzung erlaubt:');
    expect(de.text).toContain('Sitz 5: unbesetzt seit 2. Jan. 2026');
    expect(de.text).toContain('„Über die Frist hinaus unbesetzte Sitze“ in Ihren Einstellungen');
    const fr = notificationMail(ctx('fr', 'vacancy_overdue', { bodyName: 'Board', seats: seats.slice(0, 1), deadlineDays: 60 }, false));
    expect(fr.subject).toBe('[Garden Group] Le siège 2 de l’organe « Board » est vacant au-delà du délai');
    expect(fr.text).toContain('Un siège de l’organe « Board » est vacant depuis plus longtemps que les 60 jours');
  });

  it('an emergency decision to ratify, and lapsed', () => {
    const fr = notificationMail(ctx('fr', 'ratification_reminder', { ratifyBy: '2026-04-01T09:00:00.000Z' }));
    expect(fr.subject).toMatch(/^\[Garden Group\] Ratifiez #4 Remove the treasurer avant le 1 avr\. 2026.*, sinon elle devient caduque$/);
    expect(fr.text).toContain('Les statuts exigent cet avis : il ne peut donc pas être désactivé.');
    const de = notificationMail(ctx('de', 'emergency_lapsed', {}));
    expect(de.subject).toBe('[Garden Group] #4 Remove the treasurer ist verfallen: nicht rechtzeitig ratifiziert');
    expect(de.text).toContain('Sie wurde nicht rechtzeitig ratifiziert.');
    expect(de.html).toContain('<html lang="de">');
  });

  it('founding closed and a nomination', () => {
    const fr = notificationMail(ctx('fr', 'founding_closed', { vacantSeats: 2 }));
    expect(fr.subject).toBe('[Garden Group] Les nominations fondatrices sont closes');
    expect(fr.text).toContain('2 sièges sont encore vacants.');
    const de = notificationMail(ctx('de', 'nomination', { actorName: 'Ben', closesAt: '2026-03-09T09:00:00.000Z' }));
    expect(de.subject).toBe('[Garden Group] Sie sind nominiert: #4 Remove the treasurer');
    expect(de.text).toContain('Ben hat Sie für die Wahl #4 Remove the treasurer als Kandidatin oder Kandidaten nominiert.');
    expect(de.text).toContain('Jemand hat Sie für die Wahl auf einen Sitz nominiert.');
    expect(de.html).toContain('<html lang="de">');
  });

  it('English is unchanged', () => {
    for (const kind of ['right_of_reply', 'vacancy_overdue', 'ratification_reminder', 'emergency_lapsed', 'founding_closed', 'nomination'] as const) {
      expect(notificationMail(ctx('en', kind, { ratifyBy: '2026-04-01T09:00:00.000Z' }))).toEqual(
        notificationMail(ctx(undefined, kind, { ratifyBy: '2026-04-01T09:00:00.000Z' })),
      );
    }
  });
});

describe('the catalogue’s English footers', () => {
  it('are the English footers’ words (kinds.ts), so the two cannot drift apart', () => {
    for (const [kind, text] of Object.entries(en.mail.mandatory)) expect(text, kind).toBe(mandatoryReasons[kind as keyof typeof mandatoryReasons]);
    for (const [kind, text] of Object.entries(en.mail.kind)) expect(text, kind).toBe(kindLabels[kind as keyof typeof kindLabels]);
    expect(en.email.whyMandatoryPublished).toBe(mandatoryReasons.proposal_published);
  });
});
