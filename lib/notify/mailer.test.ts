import { readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { env } from '@/lib/env';
import { listStoredMail, sendMail } from './mailer';
import { invitationMail, magicLinkMail } from './templates';

describe('sendMail without SMTP_URL', () => {
  it('writes a real .eml and a summary the dev mailbox lists, newest first', async () => {
    const dir = env().mailDir;
    const first = await sendMail({ to: 'a@example.org', subject: 'First', text: 'one', html: '<p>one</p>' });
    const second = await sendMail({ to: 'b@example.org', subject: 'Second <b>', text: 'two', html: '<p>two</p>' });
    const eml = await readFile(path.join(dir, `${second.id}.eml`), 'utf8');
    expect(eml).toMatch(/^To: b@example\.org$/m);
    expect(eml).toMatch(/^Subject: Second <b>$/m);
    expect(eml).toContain('multipart/alternative');
    const listed = (await listStoredMail(dir)).map((m) => m.id);
    expect(listed.indexOf(second.id)).toBeLessThan(listed.indexOf(first.id));
  });

  it('lists nothing for a folder that does not exist', async () => {
    expect(await listStoredMail(path.join(mkdtempSync(path.join(tmpdir(), 'q-')), 'missing'))).toEqual([]);
  });
});

describe('templates', () => {
  it('escape what people typed and always carry a plain-text part', () => {
    const mail = invitationMail({
      url: 'http://x.test/signin/confirm?token=a&email=b',
      organizationName: '<script>alert(1)</script> Club',
      inviterName: 'Eve "E" <e@x>',
      roleLabel: 'Member',
      expiresInDays: 7,
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain('token=a&amp;email=b');
    expect(mail.text).toContain('http://x.test/signin/confirm?token=a&email=b');
    expect(magicLinkMail({ url: 'http://x.test/l', host: 'x.test', expiresInMinutes: 15 }).text).toContain('expires in 15 minutes');
  });
});
