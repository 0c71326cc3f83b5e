/**
 * Hostile input, end to end: every payload of the corpus goes through the real server actions
 * as each user-written field, and is either refused with a field error (nothing written) or
 * stored exactly as the schema's documented normalization says. What was stored is then
 * rendered by the code the app uses — markdown, e-mail, Atom, CSV — and must come out inert.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MarkdownText } from '@/components/governance/markdown';
import { setDatabaseHandleForTests } from '@/db/client';
import type { DatabaseHandle } from '@/db/client';
import { comments, organizations, proposalRevisions, proposals, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createTestDatabase } from '@/db/testing';
import type { ActionState } from '@/lib/actions/state';
import { initialActionState } from '@/lib/actions/state';
import { escapeHtml } from '@/lib/notify/html';
import { invitationMail, notificationMail } from '@/lib/notify/templates';
import { buildAtomFeed } from '@/lib/transparency/atom';
import { csvCell } from '@/lib/transparency/csv';
import { parseLogQuery } from '@/lib/transparency/log-filters';
import { revealHidden } from '@/lib/transparency/visible-text';
import { slugSchema } from '@/lib/validation/organization';
import { confusableSlugs, hostileCorpus } from '../fixtures/hostile-corpus';
import { form, session, signInAs, writableRowCounts } from './helpers';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// Hundreds of comments from one person: the burst limit is tested elsewhere.
vi.mock('@/lib/rate-limit', () => ({ consumeLimit: async () => ({ ok: true }), consumeLimitIn: async () => ({ ok: true }) }));

const { createProposalAction, postCommentAction } = await import('@/app/o/[slug]/proposals/actions');
const { updateNameAction } = await import('@/app/account/actions');
const { createOrganizationAction } = await import('@/app/orgs/new/actions');
const { inviteMemberAction } = await import('@/app/o/[slug]/members/actions');

let handle: DatabaseHandle & { drop: () => Promise<void> };
let orgId: string;
let discussionId: string;
const people: Record<string, { id: string; email: string; name: string | null }> = {};

/**
 * FormData values are USVStrings: a lone surrogate becomes U+FFFD before any of our code sees it
 * (a browser submits forms the same way), so that is where every value starts.
 */
const usv = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
/** The documented normalizations, one per field. Anything else stored is silent mangling. */
const collapse = (s: string) => usv(s).normalize('NFC').trim().replace(/\s+/g, ' ');
const proposalBody = (s: string) => usv(s).normalize('NFC').replace(/\r\n/g, '\n').trim();
const commentBody = (s: string) => usv(s).replace(/\r\n/g, '\n').trim();

const counts = () => writableRowCounts(handle.db);

async function settle(run: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await run();
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return { ok: true };
    throw error;
  }
}

type Target = {
  field: string;
  run: (value: string, i: number) => Promise<ActionState>;
  /** Whether the value, normalized as documented, is stored exactly. */
  stored: (value: string, i: number) => Promise<boolean>;
};

const accepted: Record<string, string[]> = {};

/** Feeds every payload through one target; returns the problems found (empty when all is well). */
async function feed(name: string, target: Target): Promise<string[]> {
  const problems: string[] = [];
  accepted[name] = [];
  for (const [i, { category, value }] of hostileCorpus.entries()) {
    const label = `${name} ← ${category} #${i} ${JSON.stringify(value.slice(0, 40))}`;
    const before = await counts();
    let state: ActionState;
    try {
      state = await settle(() => target.run(value, i));
    } catch (error) {
      problems.push(`${label}: threw ${(error as Error).message.slice(0, 120)}`);
      continue;
    }
    if (state.ok) {
      if (!(await target.stored(value, i))) problems.push(`${label}: accepted but not stored verbatim`);
      else accepted[name].push(await storedValue(name, value));
    } else {
      const message = state.fieldErrors?.[target.field]?.[0];
      if (!message) problems.push(`${label}: refused without a ${target.field} error (${state.message})`);
      if (JSON.stringify(await counts()) !== JSON.stringify(before)) problems.push(`${label}: refused but wrote rows`);
    }
  }
  return problems;
}

async function storedValue(name: string, value: string): Promise<string> {
  if (name === 'comment') return commentBody(value);
  if (name === 'proposal body') return proposalBody(value);
  if (name === 'slug') return usv(value).trim().toLowerCase();
  return collapse(value);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandleForTests(handle);
  ({ orgId } = await seedDemo(handle.db));
  for (const u of await handle.db.select().from(users)) people[u.email.split('@')[0]!] = u;
  const [p8] = await handle.db.select().from(proposals).where(eq(proposals.number, 8));
  discussionId = p8!.id;
});
afterAll(async () => {
  setDatabaseHandleForTests(undefined);
  await handle.drop();
});
beforeEach(() => signInAs(null));

const asUser = (key: string) => signInAs({ id: people[key]!.id, email: people[key]!.email, name: people[key]!.name });
const body = 'A body long enough for the rules to accept it.';

/** Whether some row of `table` holds exactly `value` in `column`. */
async function someRowHolds(table: PgTable, column: PgColumn, value: string): Promise<boolean> {
  const rows = await handle.db.select({ v: column }).from(table).where(eq(column, value));
  return rows.some((r) => r.v === value);
}

/** What the row of `table` whose `key` column is `keyValue` holds in `column`. */
async function valueOf(table: PgTable, column: PgColumn, key: PgColumn, keyValue: string): Promise<unknown> {
  return (await handle.db.select({ v: column }).from(table).where(eq(key, keyValue)))[0]?.v;
}

const targets: Record<string, Target> = {
  'proposal title': {
    field: 'title',
    run: (v) => createProposalAction(initialActionState, form({ orgId, typeKey: 'resolution', title: v, body })),
    stored: (v) => someRowHolds(proposals, proposals.title, collapse(v)),
  },
  'proposal body': {
    field: 'body',
    run: (v) => createProposalAction(initialActionState, form({ orgId, typeKey: 'resolution', title: 'A hostile body', body: v })),
    stored: (v) => someRowHolds(proposalRevisions, proposalRevisions.body, proposalBody(v)),
  },
  comment: {
    field: 'body',
    run: (v) => postCommentAction(initialActionState, form({ orgId, proposalId: discussionId, body: v })),
    stored: (v) => someRowHolds(comments, comments.body, commentBody(v)),
  },
  'account name': {
    field: 'name',
    run: (v) => updateNameAction(initialActionState, form({ name: v })),
    stored: async (v) => (await valueOf(users, users.name, users.id, people.linus!.id)) === collapse(v),
  },
  'organization name': {
    field: 'name',
    run: (v, i) => createOrganizationAction(initialActionState, form({ name: v, slug: `hostile-name-${i}` })),
    stored: async (v, i) => (await valueOf(organizations, organizations.name, organizations.slug, `hostile-name-${i}`)) === collapse(v),
  },
  slug: {
    field: 'slug',
    run: (v) => createOrganizationAction(initialActionState, form({ name: 'A hostile slug', slug: v })),
    stored: (v) => someRowHolds(organizations, organizations.slug, v.trim().toLowerCase()),
  },
  'invitation name': {
    field: 'name',
    run: (v, i) => inviteMemberAction(initialActionState, form({ orgId, email: `hostile-${i}@invite.example.org`, name: v, role: 'member' })),
    stored: async (v, i) => (await valueOf(users, users.name, users.email, `hostile-${i}@invite.example.org`)) === collapse(v),
  },
};

const who: Record<string, string> = {
  'proposal title': 'linus',
  'proposal body': 'linus',
  comment: 'linus',
  'account name': 'linus',
  'organization name': 'linus',
  slug: 'linus',
  'invitation name': 'ada',
};

describe('hostile corpus', () => {
  it('has at least 100 payloads in every category', () => {
    expect(hostileCorpus.length).toBeGreaterThanOrEqual(100);
    expect(new Set(hostileCorpus.map((h) => h.category)).size).toBe(18);
  });

  it.each(Object.keys(targets))(
    '%s: every payload is refused with a field error or stored verbatim',
    async (name) => {
      asUser(who[name]!);
      expect(await feed(name, targets[name]!)).toEqual([]);
    },
    60_000,
  );

  it('homoglyph and confusable slugs are refused by the ASCII-only slug schema', () => {
    for (const s of confusableSlugs) expect(slugSchema.safeParse(s).success, s).toBe(false);
    // The derived slug of a confusable name is ASCII too: it can never collide with the real one.
    expect(accepted.slug!.every((s) => /^[a-z0-9-]+$/.test(s))).toBe(true);
  });

  it('search filters drop every payload instead of passing it on', () => {
    for (const { value } of hostileCorpus) {
      const parsed = parseLogQuery({ kind: value, body: value, proposal: value, from: value, to: value, before: value });
      expect(Object.values(parsed.filters)).not.toContain(value);
      expect(parsed.cursor).toEqual({});
    }
  });
});

describe('oversize input', () => {
  it.each([
    [
      'a 5,000-character title',
      () => createProposalAction(initialActionState, form({ orgId, typeKey: 'resolution', title: 't'.repeat(5000), body })),
      'title',
      'A title is at most 160 characters.',
    ],
    [
      'a 20,000-character comment',
      () => postCommentAction(initialActionState, form({ orgId, proposalId: discussionId, body: 'c'.repeat(20_000) })),
      'body',
      'A comment is at most 10,000 characters.',
    ],
    ['a 5,000-character name', () => updateNameAction(initialActionState, form({ name: 'n'.repeat(5000) })), 'name', 'A name is at most 80 characters.'],
    [
      'a 5,000-character organization name',
      () => createOrganizationAction(initialActionState, form({ name: 'o'.repeat(5000), slug: 'oversize-name' })),
      'name',
      'A name is at most 120 characters.',
    ],
    [
      'a 5,000-character mission',
      () => createOrganizationAction(initialActionState, form({ name: 'Oversize mission', slug: 'oversize-mission', mission: 'm'.repeat(5000) })),
      'mission',
      'The mission is at most 2,000 characters.',
    ],
  ])('refuses %s with a clear message and writes nothing', async (_l, run, field, message) => {
    asUser('linus');
    const before = await counts();
    const state = await run();
    expect(state).toMatchObject({ ok: false, code: 'action.invalid_input' });
    expect(state.fieldErrors?.[field]).toEqual([message]);
    expect(state.values?.[field]?.length ?? 0).toBeLessThanOrEqual(5000);
    expect(await counts()).toEqual(before);
  });
});

// --- Rendering -------------------------------------------------------------------------------

const allAccepted = () => Object.values(accepted).flat();
const tagsOf = (html: string) => [...html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)([^>]*)>/g)].map((m) => ({ name: m[2]!.toLowerCase(), attrs: m[3]! }));
const decode = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const dangerousTags = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'style',
  'link',
  'base',
  'form',
  'frame',
  'frameset',
  'applet',
  'template',
]);

/** Problems with one piece of HTML: markup that could run, load or restyle anything. */
function unsafeHtml(html: string): string[] {
  const problems: string[] = [];
  if (/<(?![a-zA-Z/!])/.test(html)) problems.push('a bare "<" outside a tag');
  for (const tag of tagsOf(html)) {
    if (dangerousTags.has(tag.name)) problems.push(`<${tag.name}>`);
    if (/(^|[\s"'/])on[a-z]+\s*=/i.test(tag.attrs)) problems.push(`event handler on <${tag.name}>`);
    for (const m of tag.attrs.matchAll(/(?:href|src|action|formaction|xlink:href)\s*=\s*"([^"]*)"/gi)) {
      const url = decode(m[1]!)
        .replace(/[\u0000-\u0020]/g, '')
        .toLowerCase();
      if (/^(javascript|vbscript|data):/.test(url)) problems.push(`${url.slice(0, 30)} in <${tag.name}>`);
    }
  }
  return problems;
}

describe('what was accepted renders inert', () => {
  it('in markdown (the component pages use)', () => {
    const problems: string[] = [];
    for (const text of allAccepted()) {
      const html = renderToStaticMarkup(createElement(MarkdownText, null, text));
      for (const tag of tagsOf(html)) if (/\sstyle=/.test(tag.attrs)) problems.push(`style on <${tag.name}> from ${JSON.stringify(text.slice(0, 40))}`);
      for (const p of unsafeHtml(html)) problems.push(`${p} from ${JSON.stringify(text.slice(0, 40))}`);
    }
    expect(problems).toEqual([]);
    expect(accepted['proposal body']!.length).toBeGreaterThan(50);
  });

  it('in e-mails: html escaped, text part unchanged, no header breaks in the subject', () => {
    const names = [...accepted['account name']!, ...accepted['invitation name']!];
    const orgNames = accepted['organization name']!;
    const titles = accepted['proposal title']!;
    const rounds = Math.max(names.length, orgNames.length, titles.length);
    for (let i = 0; i < rounds; i++) {
      const inviterName = names[i % names.length]!;
      const organizationName = orgNames[i % orgNames.length]!;
      const title = titles[i % titles.length]!;
      const invite = invitationMail({ url: 'http://quorate.test/confirm?t=1', organizationName, inviterName, roleLabel: 'Member', expiresInDays: 7 });
      const notice = notificationMail({
        kind: 'proposal_published',
        payload: { number: 1, title, typeName: 'Resolution', discussionClosesAt: new Date(0).toISOString() },
        organizationName,
        appUrl: 'http://quorate.test',
        orgSlug: 'hostile',
        recipientName: inviterName,
        mandatory: true,
        unsubscribeUrl: null,
        preferencesUrl: 'http://quorate.test/prefs',
        checkpoint: null,
      });
      for (const mail of [invite, notice]) {
        expect(unsafeHtml(mail.html), organizationName).toEqual([]);
        expect(mail.subject).not.toMatch(/[\r\n]/);
      }
      expect(invite.text).toContain(inviterName);
      expect(invite.text).toContain(organizationName);
      expect(invite.html).toContain(escapeHtml(inviterName));
      expect(invite.html).toContain(escapeHtml(organizationName));
      expect(notice.text).toContain(title);
      expect(notice.html).toContain(escapeHtml(title));
    }
  });

  it('in the Atom feed: well-formed text, nothing read as markup, round-trips to the (revealed) text', () => {
    const texts = allAccepted();
    const xml = buildAtomFeed({
      id: 'urn:quorate:hostile',
      title: accepted['organization name']![0]!,
      updated: new Date(0),
      selfUrl: 'http://quorate.test/feed?x="<>&',
      alternateUrl: 'http://quorate.test/',
      authorName: accepted['account name']![0]!,
      entries: texts.map((t, i) => ({
        id: `urn:quorate:e:${i}`,
        title: t,
        updated: new Date(0),
        link: `http://quorate.test/${i}`,
        summary: t,
        content: t,
        categories: [t.slice(0, 50)],
      })),
    });
    const known = new Set(['feed', 'id', 'title', 'subtitle', 'updated', 'link', 'author', 'name', 'generator', 'entry', 'summary', 'content', 'category']);
    expect(xml.replace(/^<\?xml[^>]*\?>/, '')).not.toMatch(/<(?![a-z/])/);
    expect(
      tagsOf(xml)
        .map((t) => t.name)
        .filter((n) => !known.has(n)),
    ).toEqual([]);
    expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+);)/);
    expect(xml).not.toContain(']]>');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    const contents = [...xml.matchAll(/<content type="text">([^<]*)<\/content>/g)].map((m) => decode(m[1]!));
    expect(contents).toEqual(texts.map(revealHidden));
  });

  it('in CSV: no cell a spreadsheet would read as a formula', () => {
    const formula = /^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;
    const cells = [...allAccepted(), ...hostileCorpus.map((h) => h.value)];
    const bad = cells.filter((v) => {
      const cell = csvCell(v);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
      return formula.test(unquoted);
    });
    expect(bad).toEqual([]);
  });
});
