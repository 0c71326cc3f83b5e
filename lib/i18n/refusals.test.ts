import { describe, expect, it } from 'vitest';
import { formatMessage } from '@/lib/governance/messages';
import { refusalIn, refusalOfEnglish } from './refusals';

describe('a refusal that reached a form as words only', () => {
  it('is recognised by its English, with its parameters', () => {
    expect(refusalOfEnglish(formatMessage('membership.group_invalid', { max: 40 }))).toEqual({ code: 'membership.group_invalid', params: { max: '40' } });
    expect(refusalOfEnglish(formatMessage('webhook.url_invalid'))).toEqual({ code: 'webhook.url_invalid', params: {} });
    const twice = formatMessage('vacancy.filler_while_empty_one', { filler: 'assembly', body: 'board', inOffice: 1 });
    expect(refusalOfEnglish(twice)).toEqual({ code: 'vacancy.filler_while_empty_one', params: { filler: 'assembly', body: 'board', inOffice: '1' } });
  });

  it('zod’s own words, a pass-through code and a near miss are not refusals', () => {
    expect(refusalOfEnglish('Invalid input: expected string, received undefined')).toBeNull();
    expect(refusalOfEnglish('Some rule said no.')).toBeNull();
    expect(refusalOfEnglish(`${formatMessage('webhook.url_invalid')} `)).toBeNull();
  });

  it('words the rules give in English are chosen by, where a language needs it (role, pronoun, change)', () => {
    expect(refusalIn('de', 'role.unchanged', { article: 'an', role: 'admin' })).toBe('Dieses Mitglied ist bereits Administrator.');
    expect(refusalIn('fr', 'comment.not_author', { change: 'delete' })).toBe('Seul l’auteur d’un commentaire peut le supprimer.');
    expect(refusalIn('fr', 'membership.leave_seat_holder', { seats: '2 seats', them: 'them' })).toMatch(/^Vous occupez des sièges\. /);
    expect(refusalIn('de', 'organization.archive_open_proposals', { count: 1 })).toMatch(/^Diese Organisation hat noch 1 offenen Antrag /);
  });
});
