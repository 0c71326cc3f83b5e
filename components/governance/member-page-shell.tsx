import type { ComponentProps, ReactNode } from 'react';
import { OrgNav } from '@/components/governance/org-nav';
import { PageHeader } from '@/components/ui/page-header';

type Props = {
  org: { slug: string; name: string; archivedAt?: Date | null };
  current: ComponentProps<typeof OrgNav>['current'];
  title: string;
  description: ReactNode;
  children: ReactNode;
};

/** The frame of a members-only page of an organization: its navigation (members' tabs shown), then the page's heading. */
export function MemberPageShell({ org, current, title, description, children }: Props) {
  return (
    <div>
      <OrgNav slug={org.slug} name={org.name} current={current} isMember archivedAt={org.archivedAt ?? null} />
      <PageHeader title={title} description={description} />
      {children}
    </div>
  );
}
