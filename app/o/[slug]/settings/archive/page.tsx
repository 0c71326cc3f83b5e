import type { Metadata } from 'next';
import { adminSettingsPage } from '../profile/admin-settings-page';
import { ArchiveForm, UnarchiveForm } from './archive-form';

export const metadata: Metadata = { title: 'Archive the organization' };

const archiving = (orgId: string, name: string) => (
  <>
    <p className="text-sm text-zinc-700">Archiving is refused while a proposal is published and not yet decided: let it be decided, or withdraw it, first.</p>
    <ArchiveForm orgId={orgId} name={name} />
  </>
);

export default adminSettingsPage('/settings/archive', ({ org }) => ({
  title: org.archivedAt ? 'Unarchive the organization' : 'Archive the organization',
  description:
    'An archived organization keeps its charter, proposals and decision log readable and verifiable, but takes no new proposals, comments, ballots, seat, membership or profile changes, and is not listed on the home page. Archiving and unarchiving are on the decision log.',
  adminsOnly: 'Only admins archive or unarchive the organization.',
  form: org.archivedAt ? <UnarchiveForm orgId={org.id} /> : archiving(org.id, org.name),
}));
