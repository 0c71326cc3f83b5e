import { useTranslations } from 'next-intl';
import type { StageParticipation } from '@/db/read/types';
import { ScrollTable } from '@/components/ui/column-header-row';

/**
 * Ballots cast against charter seats for each closed voting stage: an inline SVG bar chart
 * (title and description for screen readers) with the same numbers in a table. Quorum is
 * counted against charter seats, so the grey bar — not the seats filled — is what turnout is
 * measured against.
 */
export function ParticipationChart({ stages, bodyName }: { stages: StageParticipation[]; bodyName: (key: string) => string }) {
  const t = useTranslations('chart');
  const outcome = (s: StageParticipation) => t('outcome', { outcome: s.outcome });
  const max = Math.max(1, ...stages.map((s) => s.charterSeats));
  const col = 56;
  const gap = 20;
  const top = 24;
  const plot = 160;
  const left = 36;
  const width = left + stages.length * (col + gap) + gap;
  const height = top + plot + 40;
  const y = (v: number) => top + plot - (v / max) * plot;
  const ticks = [0, Math.round(max / 2), max].filter((v, i, a) => a.indexOf(v) === i);
  const multiBody = new Set(stages.map((s) => s.bodyKey)).size > 1;
  const label = (s: StageParticipation) => `#${s.number}${multiBody || s.stageIndex > 0 ? ` ${bodyName(s.bodyKey)}` : ''}`;
  const description = stages
    .map((s) =>
      t('describe', { number: s.number, body: bodyName(s.bodyKey), cast: s.cast, seats: s.charterSeats, quorum: s.quorumRequired, outcome: outcome(s) }),
    )
    .join('; ');

  return (
    <figure>
      {/* Wider than a phone: the chart scrolls sideways, and a keyboard can reach and scroll it. */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t('region')}>
        <svg
          role="img"
          aria-labelledby="participation-title participation-desc"
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          className="max-w-full"
          style={{ minWidth: Math.min(width, 320) }}
        >
          <title id="participation-title">{t('title', { count: stages.length })}</title>
          <desc id="participation-desc">{description}.</desc>
          {ticks.map((t) => (
            <g key={t}>
              <line x1={left - 4} x2={width - gap / 2} y1={y(t)} y2={y(t)} stroke="#e4e4e7" />
              <text x={left - 8} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#52525b">
                {t}
              </text>
            </g>
          ))}
          {stages.map((s, i) => {
            const x = left + gap + i * (col + gap);
            const met = s.cast >= s.quorumRequired;
            return (
              <g key={`${s.number}-${s.stageIndex}`}>
                <rect x={x} y={y(s.charterSeats)} width={col} height={(s.charterSeats / max) * plot} fill="#f4f4f5" stroke="#a1a1aa" />
                <rect x={x + 8} y={y(s.cast)} width={col - 16} height={(s.cast / max) * plot} fill={met ? '#4338ca' : '#c2410c'} />
                <line x1={x - 3} x2={x + col + 3} y1={y(s.quorumRequired)} y2={y(s.quorumRequired)} stroke="#18181b" strokeWidth="2" strokeDasharray="4 3" />
                <text x={x + col / 2} y={y(s.charterSeats) - 6} textAnchor="middle" fontSize="11" fill="#3f3f46">
                  {s.cast}/{s.charterSeats}
                </text>
                <text x={x + col / 2} y={top + plot + 16} textAnchor="middle" fontSize="12" fontWeight="600" fill="#18181b">
                  {label(s)}
                </text>
                <text x={x + col / 2} y={top + plot + 31} textAnchor="middle" fontSize="10" fill="#52525b">
                  {outcome(s)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-700">
        <span className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-3 bg-brand-700" /> {t('castMet')}
        </span>
        <span className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-3 bg-orange-700" /> {t('castMissed')}
        </span>
        <span className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-3 border border-zinc-400 bg-zinc-100" /> {t('charterSeats')}
        </span>
        <span className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block w-4 border-t-2 border-dashed border-zinc-900" /> {t('quorum')}
        </span>
      </figcaption>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium text-brand-700">{t('asTable')}</summary>
        <ScrollTable
          label={t('tableRegion')}
          className="mt-2 overflow-x-auto"
          tableClassName="w-full text-left text-sm"
          caption={<caption className="sr-only">{t('caption')}</caption>}
          head={{
            className: 'border-b border-zinc-200 text-xs uppercase tracking-wide text-zinc-600',
            cellClassName: 'py-1 pr-3 text-right',
            columns: [
              { label: t('proposal'), className: 'py-1 pr-3' },
              { label: t('body'), className: 'py-1 pr-3' },
              t('cast'),
              t('charterSeats'),
              t('quorum'),
              { label: t('outcomeColumn'), className: 'py-1' },
            ],
          }}
        >
          <tbody>
            {stages.map((s) => (
              <tr key={`${s.number}-${s.stageIndex}`} className="border-b border-zinc-100">
                <th scope="row" className="py-1 pr-3 font-medium">
                  #{s.number} {s.title}
                </th>
                <td className="py-1 pr-3">{bodyName(s.bodyKey)}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{s.cast}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{s.charterSeats}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{s.quorumRequired}</td>
                <td className="py-1">{outcome(s)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </details>
    </figure>
  );
}
