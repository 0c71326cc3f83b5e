import type { ReactNode } from 'react';

type Props = {
  /** Each term, which is also its React key, and what it means or counts. */
  items: readonly (readonly [term: string, detail: ReactNode])[];
  className?: string;
  itemClassName?: string;
  termClassName?: string;
  detailClassName?: string;
};

/** A `<dl>` with each term and its detail wrapped in a `<div>`, styled by the caller. */
export function DescriptionList({ items, className, itemClassName, termClassName, detailClassName }: Props) {
  return (
    <dl className={className}>
      {items.map(([term, detail]) => (
        <div key={term} className={itemClassName}>
          <dt className={termClassName}>{term}</dt>
          <dd className={detailClassName}>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}
