import Link from '@/components/ui/link';
import { useTranslations } from 'next-intl';
import { PROPOSAL_LIST_STATES, PROPOSAL_SEARCH_MAX } from '@/lib/validation/proposal-list';
import type { ProposalListFilter } from '@/lib/validation/proposal-list';

type Props = {
  basePath: string;
  filter: ProposalListFilter;
  types: { key: string; name: string }[];
  /** Signed in: "My drafts" is a state they may ask for. */
  signedIn: boolean;
};

const field = 'mt-1 w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm font-normal text-zinc-900';

/** The proposals list's search and filters: a GET form (bookmarkable, works without JavaScript). */
export function ProposalFilters({ basePath, filter, types, signedIn }: Props) {
  const states = PROPOSAL_LIST_STATES.filter((s) => s !== 'draft' || signedIn);
  const t = useTranslations('proposalFilters');
  const filtered = filter.q !== '' || filter.type !== null || filter.state !== null;
  return (
    <form
      method="get"
      action={basePath}
      role="search"
      aria-label={t('label')}
      className="mb-4 grid gap-3 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end"
    >
      <label className="flex min-w-0 flex-col text-xs font-medium text-zinc-700">
        {t('words')}
        <input type="search" name="q" defaultValue={filter.q} maxLength={PROPOSAL_SEARCH_MAX} className={field} />
      </label>
      <label className="flex min-w-0 flex-col text-xs font-medium text-zinc-700">
        {t('type')}
        <select name="type" defaultValue={filter.type ?? ''} className={field}>
          <option value="">{t('everyType')}</option>
          {types.map((t) => (
            <option key={t.key} value={t.key}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-0 flex-col text-xs font-medium text-zinc-700">
        {t('state')}
        <select name="state" defaultValue={filter.state ?? ''} className={field}>
          <option value="">{t('everyState')}</option>
          {states.map((s) => (
            <option key={s} value={s}>
              {t(`states.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm font-medium text-zinc-900 hover:bg-zinc-50">
          {t('search')}
        </button>
        {filtered ? (
          <Link href={basePath} className="py-2 text-sm text-brand-700 hover:underline">
            {t('clear')}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
