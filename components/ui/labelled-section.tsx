import type { ReactNode } from 'react';

type Props = { id: string; title: ReactNode; className?: string; headingClassName?: string; level?: 'h1' | 'h2'; children?: ReactNode };

/** A `<section>` named by its heading (`aria-labelledby` the heading's `id`). */
export function LabelledSection({ id, title, className, headingClassName, level: Heading = 'h2', children }: Props) {
  return (
    <section aria-labelledby={id} className={className}>
      <Heading id={id} className={headingClassName}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
