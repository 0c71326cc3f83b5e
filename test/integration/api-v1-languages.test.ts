/**
 * /api/v1's problem details in the request's language (issue 16): `title`, `detail` and `errors` in
 * the language `Accept-Language` asks for among those Quorate speaks, else English word for word;
 * `type`, `code` and `status` the same in every language; `Content-Language` names the language.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { insertOrganization } from '@/db/queries/organizations';
import { charterFromTemplate } from '@/lib/governance/charter';
import type * as ClockModule from '@/lib/clock';
import { issueApiToken } from '@/lib/use-cases/api-tokens';
import { adoptFoundingCharter } from '@/lib/use-cases/founding';
import { apiV1Fetch } from './api-routes';
import { apiV1File } from './support/api-v1-file';

const T0 = new Date('2026-08-01T12:00:00Z');
vi.mock('@/lib/clock', async (importOriginal) => ({ ...(await importOriginal<typeof ClockModule>()), now: () => new Date(T0) }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => null, requireUser: async () => null }));

let db: Database;
let write = '';
const fetch = apiV1Fetch();
const base = 'http://quorate.test/api/v1/orgs/words';

apiV1File(
  (handle) => (db = handle),
  async () => {
    const t0 = new Date(T0.getTime() - 86_400_000);
    const [admin] = await db.insert(users).values({ email: 'admin@words.example.org', name: 'Admin' }).returning();
    const org = await db.transaction(async (tx) => {
      const created = await insertOrganization(tx, { slug: 'words', name: 'Words', mission: '', createdBy: admin!.id, at: t0 });
      await adoptFoundingCharter(tx, {
        orgId: created.id,
        actorId: admin!.id,
        templateKey: 'nonprofit_board',
        charter: charterFromTemplate('nonprofit_board'),
        at: t0,
      });
      return created;
    });
    const [author] = await db.insert(users).values({ email: 'author@words.example.org', name: 'Author' }).returning();
    await db.insert(memberships).values({ orgId: org.id, userId: author!.id, role: 'member' });
    write = (await issueApiToken(db, author!.id, { name: 'words', scope: 'write', orgId: org.id, expiresInDays: 30 }, T0)).token;
  },
);

type Problem = { type: string; title: string; status: number; detail: string; code: string; errors?: Record<string, string[]> };
type Answer = { status: number; body: Problem; language: string | null; type: string | null };

async function call(language: string | null, method: string, path: string, token: string | null, body?: string): Promise<Answer> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(language !== null ? { 'Accept-Language': language } : {}),
      ...(token !== null ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body } : {}),
  });
  return { status: res.status, body: (await res.json()) as Problem, language: res.headers.get('content-language'), type: res.headers.get('content-type') };
}

const draft = { typeKey: 'resolution', title: 'Plant an orchard', body: 'Twelve apple trees along the south fence, planted in autumn.' };

/** The four requests: an auth failure, a schema failure, a rule's refusal, an unknown thing. */
const requests = {
  auth: () => ['GET', '/members', 'qrt_not-a-real-token'] as const,
  schema: () => ['POST', '/proposals', write, JSON.stringify({ typeKey: '', title: 'x', body: 7 })] as const,
  notObject: () => ['POST', '/proposals', write, '[1,2]'] as const,
  rule: () => ['POST', '/proposals', write, JSON.stringify({ ...draft, typeKey: 'nope' })] as const,
  notFound: () => ['GET', '/proposals/99', write] as const,
};
type Kind = keyof typeof requests;

async function ask(language: string | null, kind: Kind): Promise<Answer> {
  const [method, path, token, body] = requests[kind]();
  return call(language, method, path, token, body);
}

describe('/api/v1 problem details in the request language', () => {
  it('English, with no Accept-Language, an unsupported one or en: word for word as before', async () => {
    for (const language of [null, 'en-GB,en;q=0.9', 'es, it;q=0.5', '*']) {
      const auth = await ask(language, 'auth');
      expect(auth.language).toBe('en');
      expect(auth.type).toMatch(/^application\/problem\+json/);
      expect(auth.body).toEqual({
        type: 'urn:quorate:problem:api.unauthenticated',
        title: 'Not authenticated',
        status: 401,
        detail: 'This request needs a valid API token (Authorization: Bearer qrt_…). The token sent is unknown, expired or revoked.',
        code: 'api.unauthenticated',
      });
      const rule = await ask(language, 'rule');
      expect(rule.body).toEqual({
        type: 'urn:quorate:problem:proposal.type_unknown',
        title: 'Refused by the rules',
        status: 409,
        detail: 'Choose a proposal type from the charter.',
        code: 'proposal.type_unknown',
        errors: { typeKey: ['Choose a proposal type from the charter.'] },
      });
      const schema = await ask(language, 'schema');
      expect(schema.status).toBe(400);
      expect([schema.body.title, schema.body.detail, schema.language]).toEqual(['Invalid request', 'Please correct the highlighted fields.', 'en']);
      expect(schema.body.errors).toEqual({
        typeKey: ['Choose a proposal type.'],
        title: ['A title is at least 5 characters.'],
        body: ['Write the proposal text.'],
      });
      expect((await ask(language, 'notObject')).body.errors).toEqual({ _form: ['The body must be a JSON object.'] });
      expect((await ask(language, 'notFound')).body.detail).toBe('Not found: no such proposal, or not one you may read.');
    }
  });

  it('French and German: title, detail and field errors translated from the catalogue, the machine fields unchanged', async () => {
    const english: Record<Kind, Answer> = {} as Record<Kind, Answer>;
    for (const kind of Object.keys(requests) as Kind[]) english[kind] = await ask(null, kind);
    const expected = {
      fr: {
        auth: [
          'Non authentifié',
          'Cette requête nécessite un jeton d’API valide (Authorization: Bearer qrt_…). Le jeton envoyé est inconnu, expiré ou révoqué.',
        ],
        rule: ['Refusé par les règles', 'Choisissez un type de proposition prévu par les statuts.'],
        schema: ['Requête invalide', 'Veuillez corriger les champs signalés.'],
        notObject: ['Requête invalide', 'Veuillez corriger les champs signalés.'],
        notFound: ['Introuvable', 'Introuvable : aucun élément de ce type (proposition), ou aucun que vous puissiez lire.'],
        bodyError: 'Le corps doit être un objet JSON.',
        fields: {
          typeKey: ['Choisissez un type de proposition.'],
          title: ['Un titre comporte au moins 5 caractères.'],
          body: ['Rédigez le texte de la proposition.'],
        },
      },
      de: {
        auth: [
          'Nicht authentifiziert',
          'Diese Anfrage braucht ein gültiges API-Token (Authorization: Bearer qrt_…). Das gesendete Token ist unbekannt, abgelaufen oder widerrufen.',
        ],
        rule: ['Von den Regeln abgelehnt', 'Wählen Sie eine Antragsart aus der Satzung.'],
        schema: ['Ungültige Anfrage', 'Bitte korrigieren Sie die markierten Felder.'],
        notObject: ['Ungültige Anfrage', 'Bitte korrigieren Sie die markierten Felder.'],
        notFound: ['Nicht gefunden', 'Nicht gefunden: kein solches Element (Antrag) oder keines, das Sie lesen dürfen.'],
        bodyError: 'Der Anfragetext muss ein JSON-Objekt sein.',
        fields: { typeKey: ['Wählen Sie eine Antragsart.'], title: ['Ein Titel hat mindestens 5 Zeichen.'], body: ['Schreiben Sie den Text des Antrags.'] },
      },
    } as const;
    for (const [language, header] of [
      ['fr', 'fr-CA,fr;q=0.9,en;q=0.5'],
      ['de', 'de-AT'],
    ] as const) {
      for (const kind of Object.keys(requests) as Kind[]) {
        const res = await ask(header, kind);
        expect(res.language).toBe(language);
        expect(res.type).toMatch(/^application\/problem\+json/);
        const { type, status, code } = english[kind].body;
        expect({ status: res.status, type: res.body.type, code: res.body.code }).toEqual({ status: english[kind].status, type, code });
        expect(res.body.status).toBe(status);
        expect([res.body.title, res.body.detail]).toEqual(expected[language][kind]);
      }
      // A rule's refusal names its field with its own words, translated as the detail is.
      expect((await ask(header, 'rule')).body.errors).toEqual({ typeKey: [expected[language].rule[1]] });
      expect((await ask(header, 'notObject')).body.errors).toEqual({ _form: [expected[language].bodyError] });
      // Each field of a failed schema keeps its key, its messages in the language (the schema's `fieldErrors` words).
      expect((await ask(header, 'schema')).body.errors).toEqual(expected[language].fields);
    }
  });

  it('a NUL and a lone surrogate in a field’s text: storableText’s errors with the field named in the language (lib/validation/text.ts)', async () => {
    const meeting = JSON.stringify({
      bodyKey: 'board',
      kind: 'regular',
      title: 'Budget \u0000',
      startsAt: '2030-05-04T18:30',
      durationMinutes: 60,
      location: 'Hall \ud800',
    });
    const errors = async (language: string | null) => (await call(language, 'POST', '/meetings', write, meeting)).body.errors;
    expect(await errors(null)).toEqual({
      title: ['The title contains a NUL character; remove it.'],
      location: ['The location or link contains a broken character (a lone surrogate); retype or remove it.'],
    });
    expect(await errors('fr')).toEqual({
      title: ['Le champ « Titre » contient un caractère NUL ; supprimez-le.'],
      location: ['Le champ « Lieu ou lien » contient un caractère défectueux (un demi-codet isolé) ; ressaisissez-le ou supprimez-le.'],
    });
    expect(await errors('de')).toEqual({
      title: ['Das Feld „Titel“ enthält ein NUL-Zeichen; entfernen Sie es.'],
      location: ['Das Feld „Ort oder Link“ enthält ein defektes Zeichen (ein einzelnes Surrogat); geben Sie es neu ein oder entfernen Sie es.'],
    });
  });

  it('a meeting form failing its schema: the meeting schemas’ words in the language', async () => {
    const meeting = JSON.stringify({ bodyKey: 'board', kind: 'regular', title: ' ', startsAt: 'soon', durationMinutes: '5', location: 'Hall' });
    const errors = async (language: string | null) => (await call(language, 'POST', '/meetings', write, meeting)).body.errors;
    expect(await errors(null)).toEqual({
      title: ['Enter the title.'],
      startsAt: ['Enter the start as a date and time (UTC).'],
      durationMinutes: ['A meeting lasts at least 15 minutes.'],
    });
    expect(await errors('fr')).toEqual({
      title: ['Saisissez le titre.'],
      startsAt: ['Saisissez le début sous forme de date et d’heure (UTC).'],
      durationMinutes: ['Une réunion dure au moins 15 minutes.'],
    });
    expect(await errors('de')).toEqual({
      title: ['Geben Sie den Titel ein.'],
      startsAt: ['Geben Sie den Beginn als Datum und Uhrzeit (UTC) ein.'],
      durationMinutes: ['Eine Sitzung dauert mindestens 15 Minuten.'],
    });
  });
});
