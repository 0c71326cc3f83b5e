import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { openApiDocument } from '@/lib/api/openapi';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('apiDocs');
  return { title: t('title') };
}

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

type T = Awaited<ReturnType<typeof getTranslations<'apiDocs'>>>;

/** The OpenAPI document's own words: English in every language, marked so (a screen reader reads them as English). */
function English({ children }: { children: ReactNode }) {
  return <span lang="en">{children}</span>;
}

/** A schema as one line: its type or values (data), its default (the page's word), its description (the document's). */
function SchemaLine({ schema, t }: { schema: Schema | undefined; t: T }) {
  if (!schema) return null;
  const parts: ReactNode[] = [schema.enum ? schema.enum.map((v) => JSON.stringify(v)).join(' | ') : (schema.type ?? 'any')];
  if (schema.default !== undefined) parts.push(t('default', { value: JSON.stringify(schema.default) }));
  if (schema.description) parts.push(<English>{schema.description}</English>);
  return parts.map((p, i) => (
    <span key={i}>
      {i > 0 ? ' — ' : null}
      {p}
    </span>
  ));
}

/**
 * /api/v1/docs: the operations of the OpenAPI document, listed from it (no script, nothing from elsewhere). The page's
 * own words are in the reader's language (namespace `apiDocs`); the document's descriptions are English, marked `lang="en"`.
 */
export default async function ApiDocsPage() {
  const t = await getTranslations('apiDocs');
  const locale = await getLocale();
  const doc = openApiDocument() as unknown as {
    info: { title: string; version: string; description?: string };
    paths: Record<string, Record<string, Operation>>;
  };
  const code = (chunks: ReactNode) => <code>{chunks}</code>;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title={t('heading', { title: doc.info.title, version: doc.info.version })}
        description={doc.info.description ? <English>{doc.info.description}</English> : undefined}
      />
      <p className="text-sm text-zinc-700">
        {t.rich('intro', {
          url: '/api/v1/openapi.json',
          header: 'Authorization: Bearer qrt_…',
          link: (chunks) => (
            <a className="underline" href="/api/v1/openapi.json">
              {chunks}
            </a>
          ),
          code,
        })}
        {locale === 'en' ? null : <> {t('english')}</>}
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
                <English>{op.summary}</English> {needsToken ? t('tokenNeeded') : t('tokenOptional')}
              </p>
              {op.operationId ? <p className="text-sm text-zinc-700">{t.rich('operationId', { id: op.operationId, code })}</p> : null}
              {op.parameters?.length ? (
                <ul className="list-disc pl-5 text-sm text-zinc-700">
                  {op.parameters.map((p) => (
                    <li key={`${p.in}-${p.name}`}>
                      {t.rich('parameter', {
                        name: p.name,
                        in: p.in,
                        required: String(Boolean(p.required)),
                        code,
                        schema: () => <SchemaLine schema={p.schema} t={t} />,
                      })}
                    </li>
                  ))}
                </ul>
              ) : null}
              {body?.properties ? (
                <div className="text-sm text-zinc-700">
                  <p>{t('body')}</p>
                  <ul className="list-disc pl-5">
                    {Object.entries(body.properties).map(([name, s]) => (
                      <li key={name}>
                        {t.rich('property', {
                          name,
                          required: String(Boolean(body.required?.includes(name))),
                          code,
                          schema: () => <SchemaLine schema={s} t={t} />,
                        })}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <p className="text-sm text-zinc-700">
                {t.rich('answers', {
                  list: () => (
                    <English>
                      {Object.entries(op.responses)
                        .map(([status, r]) => `${status}${Number(status) >= 400 ? '' : ` ${r.description ?? ''}`}`)
                        .join(', ')}
                    </English>
                  ),
                })}
              </p>
            </section>
          );
        }),
      )}
    </div>
  );
}
