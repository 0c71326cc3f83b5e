import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import type { MeetingSummary } from '@/db/read/meetings';
import { useMeetingRuleWords } from './meeting-rule-words';

/** "Irregular" in red, with the reasons beside it on the meeting's page. */
export function IrregularBadge() {
  const t = useTranslations('meetings');
  return (
    <span className="inline-flex items-center rounded-full bg-red-50 px-2.5 py-0.5 text-xs font-semibold text-red-800 ring-1 ring-red-200 ring-inset">
      {t('irregular')}
    </span>
  );
}

function KindBadge({ kind, cancelled }: { kind: MeetingSummary['kind']; cancelled: boolean }) {
  const t = useTranslations('meetings');
  if (cancelled)
    return (
      <span className="inline-flex items-center rounded-full bg-zinc-100 px-2.5 py-0.5 text-xs font-semibold text-zinc-700 ring-1 ring-zinc-300 ring-inset">
        {t('cancelled')}
      </span>
    );
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${kind === 'special' ? 'bg-amber-50 text-amber-900 ring-amber-200' : 'bg-brand-50 text-brand-800 ring-brand-100'}`}
    >
      {t('kind', { kind })}
    </span>
  );
}

/** Meetings as cards: number, title, body, time, place; irregular ones flagged with their reason. */
export function MeetingList({ slug, meetings, headingLevel = 'h3' }: { slug: string; meetings: MeetingSummary[]; headingLevel?: 'h2' | 'h3' }) {
  const Heading = headingLevel;
  const t = useTranslations('meetings');
  const say = useMeetingRuleWords();
  return (
    <ul className="space-y-3">
      {meetings.map((m) => (
        <li
          key={m.id}
          data-testid={`meeting-${m.number}`}
          className={`relative rounded-xl border bg-white p-4 shadow-sm hover:shadow-md ${m.irregular && !m.cancelled ? 'border-red-300 ring-1 ring-red-200' : 'border-zinc-200'}`}
        >
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <Heading className="font-semibold text-zinc-900">
                <Link
                  href={`/o/${slug}/meetings/${m.number}`}
                  className={`break-words after:absolute after:inset-0 hover:underline ${m.cancelled ? 'line-through' : ''}`}
                >
                  {t('heading', { number: m.number, title: m.title })}
                </Link>
              </Heading>
              <p className="mt-1 text-xs text-zinc-600">{t('listWhen', { body: m.bodyName, start: m.startsAt })}</p>
            </div>
            <div className="flex flex-wrap gap-1">
              <KindBadge kind={m.kind} cancelled={m.cancelled} />
              {m.irregular && !m.cancelled ? <IrregularBadge /> : null}
            </div>
          </div>
          {m.irregular && !m.cancelled ? <p className="mt-2 text-sm font-semibold text-red-800">{m.irregularParts.map(say).join(' ')}</p> : null}
        </li>
      ))}
    </ul>
  );
}
