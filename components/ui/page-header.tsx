/** A page's title and description, with `leading` (an organization's logo) before them and `children` (actions) after. */
export function PageHeader({
  title,
  description,
  leading,
  children,
}: {
  title: string;
  description?: React.ReactNode;
  leading?: React.ReactNode;
  children?: React.ReactNode;
}) {
  return (
    <div className="mb-8 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
      <div className="flex min-w-0 items-start gap-4">
        {leading}
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight text-zinc-900 sm:text-3xl">{title}</h1>
          {description ? <div className="mt-2 max-w-2xl text-zinc-600">{description}</div> : null}
        </div>
      </div>
      {children ? <div className="flex shrink-0 gap-2">{children}</div> : null}
    </div>
  );
}
