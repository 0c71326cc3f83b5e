import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { MarkdownText } from '@/components/governance/markdown';
import { OrgNav } from '@/components/governance/org-nav';
import { StatusBadge } from '@/components/governance/phase-badge';
import { AnswerPetitionForm, RevokeSignatureForm, SignPetitionForm } from '@/components/petitions/petition-forms';
import { PetitionProgress } from '@/components/petitions/petition-progress';
import { petitionStatusIn } from '@/components/petitions/petition-status';
import { FlashRegion } from '@/components/ui/flash';
import { LabelledSection } from '@/components/ui/labelled-section';
import { loadPetitionPage, SIGNER_NAMES_SHOWN } from '@/db/read/petitions';
import { loadOrgPage } from '@/lib/auth/org-page';
import { now } from '@/lib/clock';
import { refusalIn, refusalOfEnglish } from '@/lib/i18n/refusals';
import { isLocale } from '@/lib/i18n/locales';
import { bodyInSentence } from '@/lib/i18n/words';
import { answerPetitionAction, revokePetitionSignatureAction, signPetitionAction } from '../actions';

type Props = { params: Promise<{ slug: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  const t = await getTranslations('petitions');
  return { title: t('pageTitle', { number }) };
}

const card = 'rounded-2xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-6';

/** One petition: its text, the count against the threshold, the deadline (flagged when missed), the answer, the forms a viewer may use. */
export default async function PetitionPage({ params }: Props) {
  const { slug, number } = await params;
  if (!/^[1-9][0-9]{0,8}$/.test(number)) notFound();
  const { org, user, membership } = await loadOrgPage(slug);
  const page = await loadPetitionPage(org.id, Number(number), user?.id ?? null, now());
  if (!page) notFound();
  const { petition: p, viewer } = page;
  const t = await getTranslations('petitions');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const body = bodyInSentence(p.bodyName, locale);
  // Why the viewer may not sign: the rules' refusal (its English, as the API gives it) in the reader's language.
  const refusal = viewer.notEligibleReason && locale !== 'en' && isLocale(locale) ? refusalOfEnglish(viewer.notEligibleReason) : null;
  const notEligible = (refusal && isLocale(locale) && refusalIn(locale, refusal.code, refusal.params)) || viewer.notEligibleReason;
  const status = petitionStatusIn(p.phase, t);
  const overdue = p.phase.kind === 'overdue';
  const writable = !org.archivedAt;

  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current="petitions" isMember={Boolean(membership)} archivedAt={org.archivedAt} />
      <p className="mb-2 text-sm">
        <Link href={`/o/${org.slug}/petitions`} className="font-medium text-brand-700 hover:underline">
          {t('allPetitions')}
        </Link>
      </p>
      <header className="mb-6">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={status} />
          <span className="text-xs text-zinc-600">
            {t('fromTo', { kind: p.constituencyGroup === null ? 'all' : 'group', group: p.constituencyGroup ?? '', body })}
          </span>
        </div>
        <h1 className="mt-2 text-2xl font-bold break-words text-zinc-900 sm:text-3xl">{t('heading', { number: p.number, title: p.title })}</h1>
        <p className="mt-1 text-sm text-zinc-600">{page.openedBy ? t('openedBy', { at: p.openedAt, name: page.openedBy }) : t('opened', { at: p.openedAt })}</p>
      </header>
      <FlashRegion />

      {overdue ? (
        <div role="alert" data-testid="petition-overdue" className="mb-6 rounded-xl border border-red-300 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-semibold">{t('missedDeadline', { body })}</p>
          <p className="mt-1">
            {status.line} {t('overdueNote')}
          </p>
        </div>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          <LabelledSection id="petition-text" title={t('asks')} className={card} headingClassName="mb-3 text-lg font-semibold">
            <MarkdownText>{page.body}</MarkdownText>
          </LabelledSection>

          <LabelledSection id="petition-answer-heading" title={t('answerTitle', { body })} className={card} headingClassName="mb-3 text-lg font-semibold">
            {page.answer ? (
              <>
                <p className="mb-3 text-sm text-zinc-600">
                  {status.line}
                  {page.answer.by ? ` ${t('recordedBy', { name: page.answer.by })}` : ''}
                </p>
                <div className="whitespace-pre-wrap break-words text-zinc-900">{page.answer.text}</div>
              </>
            ) : (
              <p className="text-sm text-zinc-700">
                {p.phase.kind === 'open'
                  ? t('noAnswerYet', { body, required: p.requiredSignatures })
                  : p.phase.kind === 'closed'
                    ? t('closedNoAnswer')
                    : status.line}
              </p>
            )}
            {viewer.mayAnswer && writable ? (
              <div className="mt-4 border-t border-zinc-100 pt-4">
                <AnswerPetitionForm action={answerPetitionAction} orgId={org.id} petitionId={p.id} bodyName={p.bodyName} />
              </div>
            ) : null}
          </LabelledSection>
        </div>

        <aside className="space-y-6">
          <LabelledSection id="petition-signatures" title={t('signatures')} className={card} headingClassName="mb-3 text-lg font-semibold">
            <PetitionProgress count={p.signatureCount} required={p.requiredSignatures} />
            <p className="mt-2 text-xs text-zinc-600">
              {t('thresholdFixed', { required: p.requiredSignatures, eligible: page.eligibleAtOpen })}
              {page.thresholdReachedAt ? ` ${t('reached', { at: page.thresholdReachedAt })}` : ''}
            </p>
            <p className={`mt-2 text-sm ${overdue ? 'font-semibold text-red-800' : 'text-zinc-700'}`}>{status.line}</p>
            <div className="mt-4 space-y-3">
              {viewer.signed ? <p className="text-sm font-medium text-emerald-800">{t('youSigned')}</p> : null}
              {viewer.maySign && writable ? (
                <SignPetitionForm action={signPetitionAction} orgId={org.id} petitionId={p.id} number={p.number} namesPublic={page.signerNamesPublic} />
              ) : null}
              {viewer.mayRevoke && writable ? (
                <RevokeSignatureForm action={revokePetitionSignatureAction} orgId={org.id} petitionId={p.id} number={p.number} />
              ) : null}
              {!viewer.signed && !viewer.maySign && notEligible ? <p className="text-sm text-zinc-600">{notEligible}</p> : null}
              {!user ? <p className="text-sm text-zinc-600">{t('signInToSign')}</p> : null}
            </div>
          </LabelledSection>

          <LabelledSection id="petition-signers" title={t('signers')} className={card} headingClassName="mb-3 text-lg font-semibold">
            {page.signerNamesPublic ? (
              page.signers.length === 0 ? (
                <p className="text-sm text-zinc-600">{t('nobodySigned')}</p>
              ) : (
                <>
                  <ul className="space-y-1 text-sm text-zinc-800">
                    {page.signers.map((name, i) => (
                      <li key={i} className="break-words">
                        {name ?? tc('aMember')}
                      </li>
                    ))}
                  </ul>
                  {p.signatureCount > SIGNER_NAMES_SHOWN ? (
                    <p className="mt-2 text-xs text-zinc-600">{t('mostRecent', { shown: SIGNER_NAMES_SHOWN, count: p.signatureCount })}</p>
                  ) : null}
                </>
              )
            ) : (
              <p className="text-sm text-zinc-600">{t('namesPrivate')}</p>
            )}
          </LabelledSection>
        </aside>
      </div>
    </div>
  );
}
