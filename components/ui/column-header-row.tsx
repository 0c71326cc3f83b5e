import type { ReactNode } from 'react';

/** A column heading: its text, or the text with its own classes in place of the row's `cellClassName`. */
export type ColumnHeader = ReactNode | { label: ReactNode; className: string };

const isStyled = (c: ColumnHeader): c is { label: ReactNode; className: string } => typeof c === 'object' && c !== null && 'label' in c;

/** A table's heading row: one `<th scope="col">` per column. */
export function ColumnHeaderRow({ columns, cellClassName, className }: { columns: readonly ColumnHeader[]; cellClassName: string; className?: string }) {
  return (
    <tr className={className}>
      {columns.map((c, i) => (
        <th key={i} scope="col" className={isStyled(c) ? c.className : cellClassName}>
          {isStyled(c) ? c.label : c}
        </th>
      ))}
    </tr>
  );
}

/**
 * A table that scrolls sideways inside a keyboard-focusable region named `label` (a phone's
 * width), with its caption and heading row; the body, and any footer, are the children.
 */
export function ScrollTable({
  label,
  className,
  tableClassName,
  caption,
  head,
  children,
}: {
  label: string;
  className: string;
  tableClassName: string;
  caption: ReactNode;
  head: { columns: readonly ColumnHeader[]; cellClassName: string; className?: string };
  children: ReactNode;
}) {
  return (
    <div className={className} tabIndex={0} role="region" aria-label={label}>
      <table className={tableClassName}>
        {caption}
        <thead>
          <ColumnHeaderRow {...head} />
        </thead>
        {children}
      </table>
    </div>
  );
}
