import { and, desc, eq, sql } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabaseHandleForTests } from '@/db/client';
import type { DatabaseHandle } from '@/db/client';
import { LogEntryItem } from '@/components/transparency/log-entry-item';
import { LogIntegrityWarning } from '@/components/transparency/log-integrity-warning';
import { loadLogPage } from '@/db/read/log-page';
import { decisionLog, organizations } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createTestDatabase } from '@/db/testing';
import type { Locale } from '@/lib/i18n/locales';
import { forgetLogIntegrity, integrityWarning, logIntegrity } from '@/lib/transparency/log-status';
import { inLocale } from '../support/intl';

// The decision log page's integrity warning, and the flag on the entry that does not verify, for a log whose entry was
// edited behind the triggers: in French and German in the reader's words, in English word for word as before.

let handle: DatabaseHandle & { drop: () => Promise<void> };
let orgId: string;
let seq: number;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandleForTests(handle);
  await seedDemo(handle.db);
  const [org] = await handle.db.select().from(organizations);
  orgId = org!.id;
  await handle.db.transaction(async (tx) => {
    // As a superuser would: the append-only triggers off for this transaction only.
    await tx.execute(sql.raw('alter table decision_log disable trigger user'));
    const [row] = await tx.select().from(decisionLog).where(eq(decisionLog.orgId, orgId)).orderBy(desc(decisionLog.seq)).limit(1);
    seq = row!.seq;
    const entry = row!.entry.replace('"kind":"', '"kind":"x');
    expect(entry).not.toBe(row!.entry);
    await tx
      .update(decisionLog)
      .set({ entry })
      .where(and(eq(decisionLog.orgId, orgId), eq(decisionLog.seq, seq)));
    await tx.execute(sql.raw('alter table decision_log enable trigger user'));
  });
  forgetLogIntegrity();
});
afterAll(async () => {
  setDatabaseHandleForTests(undefined);
  forgetLogIntegrity();
  await handle.drop();
});

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

async function logPage(locale: Locale): Promise<{ warning: string; entry: string }> {
  const { page, integrityProblem } = await loadLogPage(orgId, {}, {}, 20);
  const row = page.rows.find((r) => r.seq === seq)!;
  const warning = text(renderToStaticMarkup(inLocale(locale, createElement(LogIntegrityWarning, { problem: integrityProblem }))));
  const entry = text(renderToStaticMarkup(inLocale(locale, createElement(LogEntryItem, { entry: row, summary: '…', actor: null, proposalHref: null }))));
  return { warning, entry };
}

describe('the log page when an entry does not verify', () => {
  it('warns in English word for word, as integrityWarning says it', async () => {
    const { page } = await loadLogPage(orgId, {}, {}, 20);
    const english = integrityWarning(await logIntegrity(handle.db, orgId), page.rows);
    expect(english).toBe(`This organization's decision log does not verify: entry #${seq} does not match its hash.`);
    const { warning, entry } = await logPage('en');
    expect(warning).toContain(english);
    expect(entry).toContain(`Does not verify: entry #${seq} does not match its hash.`);
  });

  it('warns in French and German without the English', async () => {
    const fr = await logPage('fr');
    expect(fr.warning).toContain(`l’entrée n° ${seq} ne correspond pas à son hachage`);
    expect(fr.entry).toContain(`l’entrée n° ${seq} ne correspond pas à son hachage`);
    const de = await logPage('de');
    expect(de.warning).toContain(`Eintrag Nr. ${seq} stimmt nicht mit seinem Hashwert überein`);
    expect(de.entry).toContain(`Eintrag Nr. ${seq} stimmt nicht mit seinem Hashwert überein`);
    for (const said of [fr.warning, fr.entry, de.warning, de.entry]) {
      expect(said).not.toMatch(/does not|match|its hash|verify/i);
    }
  });
});
