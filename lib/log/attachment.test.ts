import { describe, expect, it } from 'vitest';
import { attachmentHash, discloseAttachments, MEMBER_DISCLOSURE_SCHEME, memberDisclosureName, memberDisclosureText } from './attachment';
import { sha256 } from './sha256';

const body = memberDisclosureText(
  [
    ['ana', 1, null],
    ['ben', 2, 'ana'],
  ],
  [['v1', 'ana', 'yes', 'ab'.repeat(32), 'because']],
);
const name = memberDisclosureName('p1', 0);
const close = (sha: string, scheme = MEMBER_DISCLOSURE_SCHEME) => ({
  seq: 7,
  kind: 'voting.closed',
  payload: { stageIndex: 0, members: { rollHash: 'x', disclosure: { name, scheme, sha256: sha, bytes: body.length } } },
});

describe('discloseAttachments', () => {
  it('reads a close’s roll and roll call from the attachment whose hash the entry names, without changing the entries given', () => {
    const entries = [{ seq: 1, kind: 'proposal.published', payload: {} }, close(attachmentHash(sha256, body))];
    const { entries: out, problems } = discloseAttachments(entries, [{ name, scheme: MEMBER_DISCLOSURE_SCHEME, sha256: 'ignored', body }], sha256);
    expect(problems).toEqual([]);
    const payload = (out[1] as { payload: { rollCall: unknown[]; members: { roll: unknown[] } } }).payload;
    expect(payload.members.roll).toEqual([
      ['ana', 1, null],
      ['ben', 2, 'ana'],
    ]);
    expect(payload.rollCall).toEqual([{ voteId: 'v1', seatId: null, voterUserId: 'ana', choice: 'yes', nonce: 'ab'.repeat(32), rationale: 'because' }]);
    expect(out[0]).toBe(entries[0]);
    expect((entries[1] as { payload: Record<string, unknown> }).payload.rollCall).toBeUndefined();
  });

  it('reports an attachment that is missing, altered by one byte, or of an unknown scheme, and reads nothing in', () => {
    const good = attachmentHash(sha256, body);
    const altered = body.replace('"ben",2', '"ben",3');
    const cases: [unknown[], unknown, string][] = [
      [[close(good)], [], 'is not published'],
      [[close(good)], [{ name, body: altered }], 'hashes to'],
      [[close(good, 'other-v9')], [{ name, body }], 'unknown disclosure scheme'],
      [[close(attachmentHash(sha256, 'not json'))], [{ name, body: 'not json' }], 'is not JSON'],
    ];
    for (const [entries, attachments, message] of cases) {
      const { entries: out, problems } = discloseAttachments(entries, attachments, sha256);
      expect(problems).toEqual([{ seq: 7, message: expect.stringContaining(message), text: expect.anything() }]);
      expect((out[0] as { payload: Record<string, unknown> }).payload.rollCall).toBeUndefined();
    }
  });
});
