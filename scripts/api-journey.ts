// A client of the Quorate REST API that knows nothing but the OpenAPI document and a token: it
// reads /api/v1/openapi.json, finds each operation by its operationId, fills in the path and sends
// JSON. It imports nothing from the app. The integration test test/integration/api-v1-journey.test.ts
// runs its journey (publish, comment, vote, read the result) against the real route handlers.
//
//   tsx scripts/api-journey.ts --base https://quorate.example.org --token qrt_… --slug acme \
//       publish --type resolution --title "Buy a kettle" --body "…at least twenty characters…" [--confirm-founding-close]
//   tsx scripts/api-journey.ts … comment --number 7 --text "Which kettle?"
//   tsx scripts/api-journey.ts … vote --number 7 --choice yes
//   tsx scripts/api-journey.ts … result --number 7
//
// The steps are separate because a real proposal's windows last days: the comment window must pass
// before voting opens, and voting must close before there is a result.

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

type Operation = { method: string; path: string; parameters?: { name: string; in: string }[] };
type OpenApiDocument = { openapi: string; paths: Record<string, Record<string, Operation & { operationId?: string }>> };

/** What an operation answered: its status and its JSON (a problem's `code` and `detail` on failure). */
export type Answer = { status: number; body: Record<string, unknown> };

export class ApiClient {
  private constructor(
    private readonly base: string,
    private readonly token: string,
    private readonly fetch: Fetch,
    private readonly operations: Map<string, Operation>,
  ) {}

  /** Reads the OpenAPI document from `base` and indexes its operations by operationId. */
  static async connect(base: string, token: string, fetch: Fetch = globalThis.fetch): Promise<ApiClient> {
    const res = await fetch(`${base}/api/v1/openapi.json`);
    if (!res.ok) throw new Error(`GET /api/v1/openapi.json answered ${res.status}`);
    const doc = (await res.json()) as OpenApiDocument;
    if (!/^3\.1\./.test(doc.openapi)) throw new Error(`expected OpenAPI 3.1, got ${doc.openapi}`);
    const operations = new Map<string, Operation>();
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(methods)) if (op.operationId) operations.set(op.operationId, { ...op, method: method.toUpperCase(), path });
    return new ApiClient(base, token, fetch, operations);
  }

  /** Calls an operation: path parameters fill `{name}` in its path, the rest go to the query (GET) or the JSON body. */
  async call(operationId: string, params: Record<string, string | number>, body?: Record<string, unknown>): Promise<Answer> {
    const op = this.operations.get(operationId);
    if (!op) throw new Error(`the OpenAPI document has no operation ${operationId}`);
    const query = new URLSearchParams();
    let path = op.path;
    for (const [name, value] of Object.entries(params)) {
      const where = op.parameters?.find((p) => p.name === name)?.in;
      if (where === 'path') path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
      else if (where === 'query') query.set(name, String(value));
      else throw new Error(`${operationId} takes no parameter ${name}`);
    }
    if (/\{\w+\}/.test(path)) throw new Error(`${operationId}: missing path parameters in ${path}`);
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token}` };
    if (body) headers['Content-Type'] = 'application/json';
    const res = await this.fetch(`${this.base}${path}${query.size ? `?${query}` : ''}`, {
      method: op.method,
      headers,
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  /** Like `call`, but a problem (any status but 2xx) is thrown with its code and detail. */
  async ok(operationId: string, params: Record<string, string | number>, body?: Record<string, unknown>): Promise<Record<string, unknown>> {
    const answer = await this.call(operationId, params, body);
    if (answer.status < 200 || answer.status > 299)
      throw new Error(`${operationId} answered ${answer.status} ${String(answer.body.code)}: ${String(answer.body.detail)}`);
    return answer.body;
  }
}

/**
 * Drafts a proposal and publishes it; its number. The organization's first publication closes
 * founding appointments, and while seats are vacant the rules ask for `confirmFoundingClose`.
 */
export async function publish(
  client: ApiClient,
  slug: string,
  draft: { typeKey: string; title: string; body: string },
  options: { confirmFoundingClose?: boolean } = {},
): Promise<number> {
  const created = (await client.ok('createProposal', { slug }, draft)) as { proposal: { number: number } };
  await client.ok('publishProposal', { slug, number: created.proposal.number }, options.confirmFoundingClose ? { confirmFoundingClose: 'yes' } : {});
  return created.proposal.number;
}

export async function comment(client: ApiClient, slug: string, number: number, text: string): Promise<string> {
  const posted = (await client.ok('postComment', { slug, number }, { body: text })) as { comment: { id: string } };
  return posted.comment.id;
}

export async function vote(client: ApiClient, slug: string, number: number, choice: 'yes' | 'no' | 'abstain'): Promise<void> {
  await client.ok('castBallot', { slug, number }, { choice });
}

export type Result = { decided: boolean; outcome: string | null; stages: { closed: boolean; tally: Record<string, unknown> | null }[] };

export async function result(client: ApiClient, slug: string, number: number): Promise<Result> {
  return (await client.ok('getProposalResult', { slug, number })) as unknown as Result;
}

async function main(argv: string[]): Promise<void> {
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    if (i === -1 || argv[i + 1] === undefined) throw new Error(`--${name} is required`);
    return argv[i + 1]!;
  };
  const step = argv.find((a, i) => !a.startsWith('--') && (i === 0 || !argv[i - 1]!.startsWith('--')));
  const client = await ApiClient.connect(flag('base').replace(/\/$/, ''), flag('token'));
  const slug = flag('slug');
  if (step === 'publish') {
    const draft = { typeKey: flag('type'), title: flag('title'), body: flag('body') };
    console.log(`published #${await publish(client, slug, draft, { confirmFoundingClose: argv.includes('--confirm-founding-close') })}`);
  } else if (step === 'comment') console.log(`comment ${await comment(client, slug, Number(flag('number')), flag('text'))}`);
  else if (step === 'vote') await vote(client, slug, Number(flag('number')), flag('choice') as 'yes' | 'no' | 'abstain');
  else if (step === 'result') console.log(JSON.stringify(await result(client, slug, Number(flag('number'))), null, 2));
  else throw new Error('say publish, comment, vote or result');
}

if (process.argv[1] && /api-journey\.ts$/.test(process.argv[1]))
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
