import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { CreateOrganizationForm } from '@/components/organizations/create-organization-form';
import type { TemplateOption } from '@/components/organizations/create-organization-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { charterTemplates } from '@/lib/governance/charter';
import { minimumSeats, SEATS_RANGE } from '@/lib/governance/charter-adjust';
import { minimumCount } from '@/lib/governance/tally';
import { charterTemplateKeys } from '@/lib/governance/templates';
import type { CharterTemplateKey } from '@/lib/governance/templates';
import { PageMessages } from '@/components/i18n/page-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('newOrg');
  return { title: t('title') };
}

/** The template checked when nothing else is asked for. */
const DEFAULT_TEMPLATE: CharterTemplateKey = 'nonprofit_board';

type Props = { searchParams: Promise<{ template?: string | string[] }> };

type Translate = Awaited<ReturnType<typeof getTranslations<'newOrg'>>>;
type TranslatePreview = Awaited<ReturnType<typeof getTranslations<'templatePreview'>>>;

/** A template offered: its name and description in the reader's language; its charter (what is stored) as it is. */
function option(key: CharterTemplateKey, t: Translate, tp: TranslatePreview, inSentence: (name: string) => string): TemplateOption {
  const template = charterTemplates[key];
  const primary = template.charter.bodies[0]!;
  const others = template.charter.bodies.slice(1).map((b) => t('summaryOther', { body: inSentence(b.name), seats: b.charterSeats }));
  // The quorum of the first decision type the primary body takes, as a count of its seats.
  const ordinary = template.charter.proposalTypes.find((p) => p.stages[0]?.bodyKey === primary.key && !p.critical);
  const parts = [t('summaryBody', { body: primary.name, seats: primary.charterSeats })];
  if (ordinary) parts.push(t('summaryQuorum', { min: minimumCount(primary.charterSeats, ordinary.stages[0]!.quorum), seats: primary.charterSeats }));
  if (others.length) parts.push(t('summaryAlso', { others: others.join(', ') }));
  return {
    key,
    name: tp(`templates.${key}.name`),
    description: tp(`templates.${key}.description`),
    summary: parts.join(' · '),
    primaryBodyName: primary.name,
    primarySeats: primary.charterSeats,
    minimumSeats: minimumSeats(primary),
    maximumSeats: SEATS_RANGE.max,
    vacancyDeadlineDays: primary.vacancyDeadlineDays,
    charter: template.charter,
  };
}

export default async function NewOrganizationPage({ searchParams }: Props) {
  await requireUser('/orgs/new');
  const asked = (await searchParams).template;
  const initialTemplate = charterTemplateKeys.find((k) => k === asked) ?? DEFAULT_TEMPLATE;
  const t = await getTranslations('newOrg');
  // English lowercases a body's name inside a sentence ("also a committee of 3"); French and German keep it as the charter gives it.
  const inSentence = (await getLocale()) === 'en' ? (name: string) => name.toLowerCase() : (name: string) => name;
  const tp = await getTranslations('templatePreview');
  const templates = charterTemplateKeys.map((key) => option(key, t, tp, inSentence));
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t('title')} description={t('description')} />
      <div className="rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-6">
        <PageMessages namespaces={['newOrg', 'templatePreview']}>
          <CreateOrganizationForm templates={templates} initialTemplate={initialTemplate} />
        </PageMessages>
      </div>
    </div>
  );
}
