import { loadHomePage } from '@/db/read/public-pages';
import { OrganizationCard } from '@/components/organizations/organization-card';
import { EmptyState } from '@/components/ui/empty-state';
import { LinkButton } from '@/components/ui/link-button';
import { getSessionUser } from '@/lib/auth/session';
import { roleLabels } from '@/lib/governance/roles';

export default async function HomePage() {
  const user = await getSessionUser();
  const { publicOrgs, mine } = await loadHomePage(user?.id ?? null);

  return (
    <div className="space-y-12">
      <section aria-labelledby="intro" className="rounded-2xl bg-gradient-to-br from-brand-800 to-brand-600 px-6 py-10 text-white sm:px-10">
        <h1 id="intro" className="max-w-2xl text-3xl font-bold tracking-tight sm:text-4xl">
          Governance that cannot be hijacked.
        </h1>
        <p className="mt-4 max-w-2xl text-brand-100">
          Quorate runs your organization&rsquo;s charter as software: quorum counted against charter seats, comment windows nobody can shorten, notice to every
          seat holder, and a decision record anyone can read and verify.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          {user ? (
            <a href="/orgs/new" className="rounded-lg bg-white px-4 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-50">
              Create an organization
            </a>
          ) : (
            <a href="/signin" className="rounded-lg bg-white px-4 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-50">
              Sign in to get started
            </a>
          )}
          <a href="#public-orgs" className="rounded-lg border border-white/40 px-4 py-2 text-sm font-semibold text-white hover:bg-white/10">
            Browse public organizations
          </a>
        </div>
      </section>

      {user ? (
        <section aria-labelledby="mine">
          <h2 id="mine" className="mb-4 text-xl font-semibold">
            Your organizations
          </h2>
          {mine.length === 0 ? (
            <EmptyState title="You are not a member of any organization yet.">
              <p className="mb-4">Create one, or ask an admin to invite {user.email}.</p>
              <LinkButton href="/orgs/new">Create an organization</LinkButton>
            </EmptyState>
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2">
              {mine.map((o) => (
                <OrganizationCard key={o.id} slug={o.slug} name={o.name} badge={roleLabels[o.role]} />
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section aria-labelledby="public-orgs-title" id="public-orgs">
        <h2 id="public-orgs-title" className="text-xl font-semibold">
          Public organizations
        </h2>
        <p className="mt-1 mb-4 text-sm text-zinc-600">
          A new public organization is listed here once it publishes its first proposal; its own pages are open to everyone from the start.
        </p>
        {publicOrgs.length === 0 ? (
          <EmptyState title="No public organizations listed yet.">Organizations appear here once they publish their first proposal.</EmptyState>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {publicOrgs.map((o) => (
              <OrganizationCard key={o.id} slug={o.slug} name={o.name} mission={o.mission} memberCount={o.memberCount} logoSha256={o.logoSha256} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
