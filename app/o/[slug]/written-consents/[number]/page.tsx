import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { MarkdownText } from '@/components/governance/markdown';
import { OrgNav } from '@/components/governance/org-nav';
import { StatusBadge } from '@/components/governance/phase-badge';
import { FlashRegion } from '@/components/ui/flash';
import { LabelledSection } from '@/components/ui/labelled-section';
import { RevokeWrittenConsentForm, SignWrittenConsentForm, WithdrawWrittenConsentForm } from '@/components/written-consents/written-consent-forms';
import { loadWrittenConsentPage } from '@/db/read/written-consents';
import { loadOrgPage } from '@/lib/auth/org-page';
import { now } from '@/lib/clock';
import { writtenConsentStatusIn } from '@/components/written-consents/written-consent-status';
import { bodyInSentence } from '@/lib/i18n/words';
import { revokeWrittenConsentSignatureAction, signWrittenConsentAction, withdrawWrittenConsentAction } from '../actions';

type Props = { params: Promise<{ slug: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  return { title: (await getTranslations('writtenConsents'))('pageTitle', { number }) };
}

const card = 'rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6';

/** One written consent: the resolution, every signer by name with their signature or not, the state and time left, the forms a viewer may use. */
export default async function WrittenConsentPage({ params }: Props) {
  const { slug, number } = await params;
  if (!/^[1-9][0-9]{0,8}$/.test(number)) notFound();
  const { org, user, membership } = await loadOrgPage(slug);
  const at = now();
  const page = await loadWrittenConsentPage(org.id, Number(number), user?.id ?? null, at);
  if (!page) notFound();
  const { consent: c, viewer } = page;
  const t = await getTranslations('writtenConsents');
  const body = bodyInSentence(c.bodyName, await getLocale());
  const status = writtenConsentStatusIn(c.phase, at, t);
  const writable = !org.archivedAt;
  const vacant = c.charterSeats - c.signers;

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="written-consents" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <p className="mb-2 text-sm">
        <Link href={`/o/${org.slug}/written-consents`} className="font-medium text-brand-700 hover:underline">
          {t('allConsents')}
        </Link>
      </p>
      <header className="mb-6">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={status} />
          <span className="text-xs text-zinc-600">{t('kindLine', { body })}</span>
        </div>
        <h1 className="mt-2 text-2xl font-bold break-words text-zinc-900 sm:text-3xl">{t('heading', { number: c.number, title: c.title })}</h1>
        <p className="mt-1 text-sm text-zinc-600">{page.openedBy ? t('openedBy', { at: c.openedAt, name: page.openedBy }) : t('opened', { at: c.openedAt })}</p>
      </header>
      <FlashRegion />

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          <LabelledSection id="consent-state" title={t('stateTitle')} className={card} headingClassName="mb-3 text-lg font-semibold">
            <p data-testid="consent-state" className="text-sm text-zinc-800">
              <strong>{status.label}.</strong> {status.line}
            </p>
            <p className="mt-2 text-sm text-zinc-700">{t('signedCount', { signatures: c.signatures, signers: c.signers })}</p>
            {vacant > 0 ? <p className="mt-2 text-sm text-zinc-700">{t('vacant', { signers: c.signers, body, seats: c.charterSeats })}</p> : null}
          </LabelledSection>
          <LabelledSection id="consent-text" title={t('resolution')} className={card} headingClassName="mb-3 text-lg font-semibold">
            <MarkdownText>{page.text}</MarkdownText>
          </LabelledSection>
        </div>

        <aside className="space-y-6">
          <LabelledSection id="consent-signers" title={t('signersTitle')} className={card} headingClassName="mb-3 text-lg font-semibold">
            <p className="mb-3 text-xs text-zinc-600">{t('signersNote')}</p>
            <ul className="divide-y divide-zinc-100 text-sm">
              {page.signers.map((s) => (
                <li key={s.seatPosition} className="flex flex-wrap items-baseline justify-between gap-x-3 py-2">
                  <span className="break-words text-zinc-900">
                    {s.name} <span className="text-xs text-zinc-500">{t('seat', { position: s.seatPosition })}</span>
                  </span>
                  <span className={`text-xs ${s.signedAt ? 'font-medium text-emerald-800' : s.departed ? 'text-red-800' : 'text-zinc-600'}`}>
                    {s.signedAt ? t('signedAt', { at: s.signedAt }) : s.departed ? t('departed') : t('notSigned')}
                  </span>
                </li>
              ))}
            </ul>
            <div className="mt-4 space-y-3">
              {viewer.signed ? <p className="text-sm font-medium text-emerald-800">{t('youSigned')}</p> : null}
              {viewer.maySign && writable ? (
                <SignWrittenConsentForm action={signWrittenConsentAction} orgId={org.id} consentId={c.id} number={c.number} />
              ) : null}
              {viewer.mayRevoke && writable ? (
                <RevokeWrittenConsentForm action={revokeWrittenConsentSignatureAction} orgId={org.id} consentId={c.id} number={c.number} />
              ) : null}
              {viewer.mayWithdraw && writable ? (
                <WithdrawWrittenConsentForm action={withdrawWrittenConsentAction} orgId={org.id} consentId={c.id} number={c.number} />
              ) : null}
              {user && !viewer.isSigner && c.phase.kind === 'open' ? <p className="text-sm text-zinc-600">{t('onlySigners')}</p> : null}
            </div>
          </LabelledSection>
        </aside>
      </div>
    </div>
  );
}
