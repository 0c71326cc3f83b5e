import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { OrgNav } from '@/components/governance/org-nav';
import { LogVerifier } from '@/components/transparency/log-verifier';
import { PageHeader } from '@/components/ui/page-header';
import { loadOrgPage } from '@/lib/auth/org-page';
import { PageMessages } from '@/components/i18n/page-messages';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const { org } = await loadOrgPage(slug);
  const t = await getTranslations('verify');
  return { title: t('metaTitle', { org: org.name }) };
}

/** Anyone can check the decision log here, in their own browser, from the public export alone. */
export default async function VerifyPage({ params }: Props) {
  const { slug } = await params;
  const { org, membership } = await loadOrgPage(slug);
  const t = await getTranslations('verify');
  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="verify" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <PageHeader title={t('title')} description={t('description', { org: org.name })} />
      <PageMessages namespaces={['verify', 'verifyWords']}>
        <LogVerifier exportUrl={`/api/o/${org.slug}/log/export`} orgName={org.name} />
      </PageMessages>
      <section aria-labelledby="verify-elsewhere" className="mt-6 text-sm text-zinc-700">
        <h2 id="verify-elsewhere" className="font-semibold text-zinc-900">
          {t('elsewhereHeading')}
        </h2>
        <p className="mt-1">
          {t.rich('elsewhere', {
            command: () => (
              <code className="text-xs">
                npm run verify -- &lt;{t('commandTarget')}&gt; --key &lt;{t('commandKey')}&gt;
              </code>
            ),
            log: (chunks) => (
              <Link href={`/o/${org.slug}/log`} className="font-medium text-brand-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </section>
    </div>
  );
}
