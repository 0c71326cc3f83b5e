import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { EmptyState } from '@/components/ui/empty-state';
import { env } from '@/lib/env';
import { listStoredMail } from '@/lib/notify/mailer';

export const metadata: Metadata = { title: 'Development mailbox', robots: { index: false } };

/** Development only: the mails the file transport wrote, so a newcomer can click their link. */
export default async function DevMailPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  const e = env();
  if (e.isProduction) notFound();
  const { id } = await searchParams;
  const mails = await listStoredMail(e.mailDir, 100);
  const selected = mails.find((m) => m.id === id) ?? mails[0];

  return (
    <div>
      <h1 className="text-2xl font-bold">Development mailbox</h1>
      <p className="mt-2 mb-6 text-sm text-zinc-600">
        With no <code>SMTP_URL</code> set, Quorate writes every e-mail to <code className="break-all">{e.mailDir}</code>. This page does not exist in
        production.
      </p>
      {mails.length === 0 ? (
        <EmptyState title="No mail yet.">Ask for a sign-in link or invite someone, then reload.</EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
          <nav aria-label="Messages">
            <ul className="divide-y divide-zinc-200 overflow-hidden rounded-xl border border-zinc-200 bg-white">
              {mails.map((m) => (
                <li key={m.id}>
                  <Link
                    href={`/dev/mail?id=${encodeURIComponent(m.id)}`}
                    aria-current={m.id === selected?.id ? 'true' : undefined}
                    className={`block px-4 py-3 text-sm hover:bg-zinc-50 ${m.id === selected?.id ? 'bg-brand-50' : ''}`}
                  >
                    <span className="block truncate font-medium text-zinc-900">{m.subject}</span>
                    <span className="block truncate text-xs text-zinc-600">to {m.to}</span>
                    <time dateTime={m.sentAt} className="block text-xs text-zinc-500">
                      {new Date(m.sentAt).toUTCString()}
                    </time>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {selected ? (
            <article aria-label="Selected message" className="overflow-hidden rounded-xl border border-zinc-200 bg-white">
              <header className="border-b border-zinc-200 px-4 py-3 text-sm">
                <h2 className="font-semibold text-zinc-900">{selected.subject}</h2>
                <p className="text-zinc-600">
                  From {selected.from} to {selected.to}
                </p>
              </header>
              {linksIn(selected.text).length > 0 ? (
                <ul aria-label="Links in this message" className="space-y-1 border-b border-zinc-200 bg-brand-50 px-4 py-3 text-sm">
                  {linksIn(selected.text).map((href) => (
                    <li key={href}>
                      <a href={href} className="break-all font-medium text-brand-800 underline">
                        {href}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              <iframe
                title={`HTML of: ${selected.subject}`}
                srcDoc={selected.html}
                sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
                className="h-[44rem] w-full border-0"
              />
              <details className="border-t border-zinc-200 px-4 py-3 text-sm">
                <summary className="cursor-pointer font-medium">Plain-text part</summary>
                <pre className="mt-2 whitespace-pre-wrap break-all text-xs">{selected.text}</pre>
              </details>
            </article>
          ) : null}
        </div>
      )}
    </div>
  );
}

function linksIn(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
}
