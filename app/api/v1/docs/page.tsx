import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { openApiDocument } from '@/lib/api/openapi';

export const metadata: Metadata = { title: 'API reference' };

type Schema = {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  default?: unknown;
  maxLength?: number;
};
type Operation = {
  operationId?: string;
  summary?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema; description?: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description?: string }>;
};

function describeSchema(s: Schema | undefined): string {
  if (!s) return '';
  const parts = [s.enum ? s.enum.map((v) => JSON.stringify(v)).join(' | ') : (s.type ?? 'any')];
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  if (s.description) parts.push(s.description);
  return parts.join(' — ');
}

/** /api/v1/docs: the operations of the OpenAPI document, listed from it (no script, nothing from elsewhere). */
export default function ApiDocsPage() {
  const doc = openApiDocument() as unknown as {
    info: { title: string; version: string; description?: string };
    paths: Record<string, Record<string, Operation>>;
  };
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={`${doc.info.title} (${doc.info.version})`} description={doc.info.description} />
      <p className="text-sm text-zinc-700">
        The machine-readable document is at{' '}
        <a className="underline" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>
        . Send your token as <code>Authorization: Bearer qrt_…</code>. Reads of a public organization work without a token.
      </p>
      {Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => {
          const body = op.requestBody?.content['application/json']?.schema;
          const needsToken = !op.security?.some((s) => Object.keys(s).length === 0);
          return (
            <section key={`${method} ${path}`} className="space-y-2 rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm">
              <h2 className="font-mono text-sm font-semibold text-zinc-900">
                {method.toUpperCase()} {path}
              </h2>
              <p className="text-sm text-zinc-700">
                {op.summary} {needsToken ? '(token needed)' : '(token optional for a public organization)'}
              </p>
              {op.operationId ? (
                <p className="text-sm text-zinc-700">
                  Operation id: <code>{op.operationId}</code>
                </p>
              ) : null}
              {op.parameters?.length ? (
                <ul className="list-disc pl-5 text-sm text-zinc-700">
                  {op.parameters.map((p) => (
                    <li key={`${p.in}-${p.name}`}>
                      <code>{p.name}</code> ({p.in}
                      {p.required ? ', required' : ''}) {describeSchema(p.schema)}
                    </li>
                  ))}
                </ul>
              ) : null}
              {body?.properties ? (
                <div className="text-sm text-zinc-700">
                  <p>JSON body:</p>
                  <ul className="list-disc pl-5">
                    {Object.entries(body.properties).map(([name, s]) => (
                      <li key={name}>
                        <code>{name}</code>
                        {body.required?.includes(name) ? ' (required)' : ''}: {describeSchema(s)}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <p className="text-sm text-zinc-700">
                Answers:{' '}
                {Object.entries(op.responses)
                  .map(([status, r]) => `${status}${Number(status) >= 400 ? '' : ` ${r.description ?? ''}`}`)
                  .join(', ')}
                .
              </p>
            </section>
          );
        }),
      )}
    </div>
  );
}
