import { z } from 'zod';
import type { ZodOpenApiOperationObject } from 'zod-openapi';
import {
  archiveOrganizationSchema,
  changeRoleSchema,
  inviteMemberSchema,
  leaveOrganizationSchema,
  organizationProfileSchema,
  stakeholderGroupSchema,
} from '@/lib/validation/organization';
import { organizationLocaleSchema } from '@/lib/validation/locale';
import { addWitnessSchema } from '@/lib/validation/witness';
import { membershipRoles } from '@/lib/governance/roles';
import { registerWebhookApiFields } from '@/lib/validation/webhook';
import { json, problems, slug, write } from './openapi-parts';
import { pageQuerySchema } from './schemas';

/**
 * The OpenAPI entries added in 1.7.0: an organization's webhooks and its members, for its admins (the settings and
 * members pages' operations, lib/actions/operations.ts). Pure: no database.
 */

const endpointId = z.uuid().meta({ description: "The webhook endpoint's id, as the list of endpoints gives it." });
const deliveryId = z.uuid().meta({ description: "The delivery's id (its webhook-id header), as an endpoint's deliveries list it." });

const endpoint = z.object({
  id: z.string(),
  url: z.string(),
  kinds: z.array(z.string()).nullable().meta({ description: 'The kinds of log entry it is sent; null: every kind.' }),
  enabled: z.boolean(),
  createdAt: z.string(),
});

const delivery = z.object({
  id: z.string(),
  endpointId: z.string(),
  url: z.string(),
  seq: z.number().int().meta({ description: "The log entry's sequence number." }),
  kind: z.string(),
  status: z.enum(['pending', 'delivered', 'dead']),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastStatus: z.number().int().nullable().meta({ description: "The last attempt's HTTP status; null: no answer." }),
  lastResponse: z.string().nullable().meta({ description: "The first 500 characters of the last answer's body, or what went wrong." }),
  lastAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});

/** The register form's fields as JSON: the URL and the kinds of entry (omitted or null: every kind). */
export const registerWebhookBodySchema = registerWebhookApiFields.omit({ orgId: true });

const endpointPath = z.object({ slug, id: endpointId });

export const adminOperations: { method: 'get' | 'post' | 'put' | 'delete'; path: string; operation: ZodOpenApiOperationObject }[] = [
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/webhooks',
    operation: {
      operationId: 'listWebhooks',
      summary: "The organization's webhook endpoints, oldest first, never their secrets (an admin's token; read scope will do)",
      security: [{ bearer: [] }],
      requestParams: { path: z.object({ slug }) },
      responses: { '200': json(z.object({ endpoints: z.array(endpoint) }), 'The endpoints'), ...problems(401, 403, 404) },
    },
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/webhooks',
    operation: write(
      'registerWebhook',
      'Register a webhook endpoint (write token, an admin), as the settings form does: an address that resolves to a private, loopback, link-local or unique-local address is refused (`webhook.url_private`); the answer carries the signing secret once, never shown again; `organization.archived` on an archived organization',
      z.object({ slug }),
      registerWebhookBodySchema,
      [
        '201',
        z.object({
          ok: z.literal(true),
          endpoint: z.object({ id: z.string(), kinds: z.array(z.string()).nullable(), enabled: z.literal(true) }),
          secret: z.string().meta({ description: 'The signing secret, shown this once.' }),
        }),
        'Registered',
      ],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'delete',
    path: '/api/v1/orgs/{slug}/webhooks/{id}',
    operation: write(
      'deleteWebhook',
      'Delete a webhook endpoint and its delivery history (write token, an admin), as the settings form does once its box is ticked; `organization.archived` on an archived organization (disabling stays allowed)',
      endpointPath,
      null,
      ['200', z.object({ ok: z.literal(true), endpoint: z.object({ id: z.string(), deleted: z.literal(true) }) }), 'Deleted'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'put',
    path: '/api/v1/orgs/{slug}/webhooks/{id}/enabled',
    operation: write(
      'enableWebhook',
      'Enable a webhook endpoint (write token, an admin), as the Enable button does; `organization.archived` on an archived organization',
      endpointPath,
      null,
      ['200', z.object({ ok: z.literal(true), endpoint: z.object({ id: z.string(), enabled: z.literal(true) }) }), 'Enabled'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'delete',
    path: '/api/v1/orgs/{slug}/webhooks/{id}/enabled',
    operation: write(
      'disableWebhook',
      'Disable a webhook endpoint (write token, an admin): no deliveries until it is enabled again, as the Disable button does; allowed on an archived organization too, as it only narrows what leaves',
      endpointPath,
      null,
      ['200', z.object({ ok: z.literal(true), endpoint: z.object({ id: z.string(), enabled: z.literal(false) }) }), 'Disabled'],
      [400, 401, 403, 404, 415],
    ),
  },
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/webhooks/{id}/deliveries',
    operation: {
      operationId: 'listWebhookDeliveries',
      summary: "A webhook endpoint's deliveries, newest first, a page at a time, with each one's status and last answer (an admin's token; read scope will do)",
      security: [{ bearer: [] }],
      requestParams: { path: endpointPath, query: pageQuerySchema },
      responses: {
        '200': json(z.object({ deliveries: z.array(delivery), next_cursor: z.string().nullable() }), 'One page; next_cursor is null on the last'),
        ...problems(400, 401, 403, 404),
      },
    },
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/webhooks/deliveries/{id}/replay',
    operation: write(
      'replayWebhookDelivery',
      "Send a dead delivery again on the worker's next pass, with the same webhook-id (write token, an admin), as the Replay button does; any other delivery is refused (`webhook.delivery_not_dead`), as is any on an archived organization (`organization.archived`)",
      z.object({ slug, id: deliveryId }),
      null,
      ['200', z.object({ ok: z.literal(true), delivery: z.object({ id: z.string(), status: z.literal('pending') }) }), 'Queued again'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
];

const memberPath = z.object({ slug, userId: z.uuid().meta({ description: "The member's user id, as the member list gives it." }) });
const memberProblems = [400, 401, 403, 404, 409, 415];

export const memberAdminOperations: { method: 'post' | 'put' | 'delete'; path: string; operation: ZodOpenApiOperationObject }[] = [
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/members',
    operation: write(
      'inviteMember',
      'Invite someone by e-mail with a role (write token; an admin, else `membership.invite_admin_only`), as the invite form does: the invitation link is mailed, and they become a member when they accept it',
      z.object({ slug }),
      inviteMemberSchema.omit({ orgId: true }),
      ['201', z.object({ ok: z.literal(true), invitation: z.object({ email: z.string(), role: z.string() }) }), 'Invited'],
      memberProblems,
    ),
  },
  {
    method: 'delete',
    path: '/api/v1/orgs/{slug}/members/{userId}',
    operation: write(
      'removeMember',
      'Remove a member (write token; an admin), as the member list’s button does: not the last admin, not yourself, not a seat holder',
      memberPath,
      null,
      ['200', z.object({ ok: z.literal(true), member: z.object({ userId: z.string(), removed: z.literal(true) }) }), 'Removed (logged)'],
      memberProblems,
    ),
  },
  {
    method: 'put',
    path: '/api/v1/orgs/{slug}/members/{userId}/role',
    operation: write(
      'changeMemberRole',
      "Change a member's role (write token; an admin), as the role form does: never leaving the organization without an admin",
      memberPath,
      changeRoleSchema.omit({ orgId: true, membershipId: true }),
      ['200', z.object({ ok: z.literal(true), member: z.object({ userId: z.string(), role: z.string() }) }), 'Changed (logged)'],
      memberProblems,
    ),
  },
  {
    method: 'put',
    path: '/api/v1/orgs/{slug}/members/{userId}/stakeholder-group',
    operation: write(
      'setStakeholderGroup',
      "Set a member's stakeholder group, or clear it with an empty or absent `group` (write token; an admin), as the group form does",
      memberPath,
      stakeholderGroupSchema.omit({ orgId: true, membershipId: true }),
      ['200', z.object({ ok: z.literal(true), member: z.object({ userId: z.string(), stakeholderGroup: z.string().nullable() }) }), 'Set (logged)'],
      memberProblems,
    ),
  },
];

/**
 * The OpenAPI entries added in 1.8.0: an organization's pending invitations, for its admins (list, revoke, resend), and
 * leaving it, the caller's own membership: the members page's operations; its profile, default language, archiving and
 * witnesses, the settings pages' (lib/actions/operations.ts). Pure: no database.
 */

const invitationId = z.uuid().meta({ description: "The invitation's id, as the list of pending invitations gives it." });
const invitationPath = z.object({ slug, id: invitationId });

const invitation = z.object({
  id: z.string().meta({ description: "The invitation's id (to revoke or resend it)." }),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(membershipRoles).meta({ description: 'The role they get once they accept.' }),
  invitedAt: z.string(),
  invitedByName: z.string().nullable().meta({ description: "The inviter's name (else their address), as the members page shows it; null when not known." }),
});

/** The leave form's one field: `confirm` is "leave", the ticked box (the member cannot undo it: an admin has to invite them again). */
export const leaveBodySchema = leaveOrganizationSchema.omit({ orgId: true });

export const invitationOperations: { method: 'get' | 'post' | 'delete'; path: string; operation: ZodOpenApiOperationObject }[] = [
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/invitations',
    operation: {
      operationId: 'listInvitations',
      summary: "The pending invitations, newest first, a page at a time, with addresses, roles and who invited (an admin's token; read scope will do)",
      security: [{ bearer: [] }],
      requestParams: { path: z.object({ slug }), query: pageQuerySchema },
      responses: {
        '200': json(z.object({ invitations: z.array(invitation), next_cursor: z.string().nullable() }), 'One page; next_cursor is null on the last'),
        ...problems(400, 401, 403, 404),
      },
    },
  },
  {
    method: 'delete',
    path: '/api/v1/orgs/{slug}/invitations/{id}',
    operation: write(
      'revokeInvitation',
      'Revoke a pending invitation (write token; an admin, else `invitation.manage_admin_only`), as the members page’s button does; an accepted membership is refused (`invitation.not_pending`): it ends only by removal',
      invitationPath,
      null,
      ['200', z.object({ ok: z.literal(true), invitation: z.object({ id: z.string(), revoked: z.literal(true) }) }), 'Revoked (logged)'],
      memberProblems,
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/invitations/{id}/resend',
    operation: write(
      'resendInvitation',
      'Mail a pending invitation’s link again (write token; an admin, else `invitation.manage_admin_only`), as the members page’s button does; it spends the sign-in links’ limit of that invitation, shared with the button (429 once spent)',
      invitationPath,
      null,
      ['200', z.object({ ok: z.literal(true), invitation: z.object({ id: z.string(), email: z.string(), resent: z.literal(true) }) }), 'Sent again'],
      [...memberProblems, 429],
    ),
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/leave',
    operation: write(
      'leaveOrganization',
      'Leave the organization: end your own membership (write token), as the members page’s form does once its box is ticked; not the last admin (`membership.leave_last_admin`), not while holding a seat (`membership.leave_seat_holder`)',
      z.object({ slug }),
      leaveBodySchema,
      ['200', z.object({ ok: z.literal(true), membership: z.object({ left: z.literal(true) }) }), 'Left (logged)'],
      memberProblems,
    ),
  },
];

/** The profile form's fields: `name`, `mission` (absent or empty: none) and `visibility` (`public` or `private`). */
export const profileBodySchema = organizationProfileSchema.omit({ orgId: true });
/** The default language form's one field: `en`, `fr` or `de`. */
export const localeBodySchema = organizationLocaleSchema.omit({ orgId: true });
/** The archive form's one field: the organization's name, typed to confirm. */
export const archiveBodySchema = archiveOrganizationSchema.omit({ orgId: true });
/** The witness form's one field: the verifier key the witness script prints, `name+hash+base64`. */
export const addWitnessBodySchema = addWitnessSchema.omit({ orgId: true });

const witness = z.object({
  id: z.string().meta({ description: "The witness's id (to remove it)." }),
  name: z.string(),
  verifierKey: z.string(),
  addedAt: z.string(),
  lastCosigned: z
    .object({ size: z.number().int(), at: z.string() })
    .nullable()
    .meta({ description: 'The largest log size it has cosigned and when (its own timestamp); null: nothing yet.' }),
});

export const settingsOperations: { method: 'get' | 'post' | 'put' | 'delete'; path: string; operation: ZodOpenApiOperationObject }[] = [
  {
    method: 'put',
    path: '/api/v1/orgs/{slug}/profile',
    operation: write(
      'saveOrganizationProfile',
      'Save the organization’s name, mission and visibility (write token; an admin, else `organization.profile_admin_only`), as the profile form does: each change logged with what it was before; `changed` is false when nothing differed',
      z.object({ slug }),
      profileBodySchema,
      [
        '200',
        z.object({
          ok: z.literal(true),
          profile: z.object({ name: z.string(), mission: z.string(), visibility: z.enum(['public', 'private']) }),
          changed: z.boolean(),
        }),
        'Saved (logged when changed)',
      ],
      memberProblems,
    ),
  },
  {
    method: 'put',
    path: '/api/v1/orgs/{slug}/locale',
    operation: write(
      'setOrganizationLocale',
      'Set the organization’s default language (an admin’s write token; `action.forbidden` for anyone else), as the settings form does: a display setting, not logged; `organization.archived` on an archived organization',
      z.object({ slug }),
      localeBodySchema,
      ['200', z.object({ ok: z.literal(true), locale: z.string(), changed: z.boolean() }), 'Set'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'put',
    path: '/api/v1/orgs/{slug}/archived',
    operation: write(
      'archiveOrganization',
      'Archive the organization, its name typed as `confirmation` (write token; an admin), as the archive form does: never while a proposal is undecided; it stays readable and refuses governance and settings changes (`organization.archived`; disabling a webhook endpoint stays allowed) until unarchived',
      z.object({ slug }),
      archiveBodySchema,
      ['200', z.object({ ok: z.literal(true), organization: z.object({ archived: z.literal(true) }) }), 'Archived (logged)'],
      memberProblems,
    ),
  },
  {
    method: 'delete',
    path: '/api/v1/orgs/{slug}/archived',
    operation: write(
      'unarchiveOrganization',
      'Unarchive the organization (write token; an admin), as the unarchive form does: it takes changes again',
      z.object({ slug }),
      null,
      ['200', z.object({ ok: z.literal(true), organization: z.object({ archived: z.literal(false) }) }), 'Unarchived (logged)'],
      memberProblems,
    ),
  },
  {
    method: 'get',
    path: '/api/v1/orgs/{slug}/witnesses',
    operation: {
      operationId: 'listWitnesses',
      summary: "The decision log's registered witnesses, oldest first, a page at a time, with what each last cosigned (an admin's token; read scope will do)",
      security: [{ bearer: [] }],
      requestParams: { path: z.object({ slug }), query: pageQuerySchema },
      responses: {
        '200': json(z.object({ witnesses: z.array(witness), next_cursor: z.string().nullable() }), 'One page; next_cursor is null on the last'),
        ...problems(400, 401, 403, 404),
      },
    },
  },
  {
    method: 'post',
    path: '/api/v1/orgs/{slug}/witnesses',
    operation: write(
      'addWitness',
      'Register a witness of the decision log by its verifier key (an admin’s write token; `action.forbidden` for anyone else), as the settings form does; logged; `witness.name_taken` while one of that name is registered, `organization.archived` on an archived organization',
      z.object({ slug }),
      addWitnessBodySchema,
      ['201', z.object({ ok: z.literal(true), witness: z.object({ id: z.string(), name: z.string() }) }), 'Registered (logged)'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
  {
    method: 'delete',
    path: '/api/v1/orgs/{slug}/witnesses/{id}',
    operation: write(
      'removeWitness',
      'Remove a witness (an admin’s write token), as the settings form does: its past cosignatures stay stored, no longer served; logged; `organization.archived` on an archived organization',
      z.object({ slug, id: z.uuid().meta({ description: "The witness's id, as the list of witnesses gives it." }) }),
      null,
      ['200', z.object({ ok: z.literal(true), witness: z.object({ id: z.string(), removed: z.literal(true) }) }), 'Removed (logged)'],
      [400, 401, 403, 404, 409, 415],
    ),
  },
];
