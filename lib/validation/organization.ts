import { z } from 'zod';
import { SEATS_RANGE } from '@/lib/governance/charter-adjust';
import { membershipRoles } from '@/lib/governance/roles';
import { checkStakeholderGroupName, normalizeStakeholderGroup } from '@/lib/governance/stakeholder-groups';
import { charterTemplateKeys } from '@/lib/governance/templates';
import { emailSchema } from './email';
import { LONE_SURROGATE, storableText } from './text';

/** Paths under /o/ and top-level words a slug may not take. */
export const reservedSlugs = new Set([
  'new',
  'api',
  'admin',
  'app',
  'auth',
  'dev',
  'login',
  'logout',
  'signin',
  'signout',
  'settings',
  'static',
  'public',
  'orgs',
  'organizations',
  'quorate',
  'www',
  'help',
  'about',
  'verify',
]);

// Control characters and bidi overrides make names that read differently from what they are.
const unsafeChars = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]/;

/** Derives a URL slug from a name: ASCII letters, digits and single hyphens. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
}

const slugShape = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Whether a URL segment could be an organization's slug at all. Lookups check this first, so a
 * NUL byte or a megabyte of text in the address is a plain 404, never a database error.
 */
export function isWellFormedSlug(slug: string): boolean {
  return slug.length <= 48 && slugShape.test(slug);
}

export const slugSchema = z
  .string()
  .min(3, 'A slug is at least 3 characters.')
  .max(48, 'A slug is at most 48 characters.')
  .regex(slugShape, 'Use lowercase letters, digits and single hyphens (e.g. "river-co-op").')
  .refine((s) => !reservedSlugs.has(s), 'That slug is reserved; pick another.');

/** A name of 2 to `max` characters with nothing invisible or controlling in it. */
const nameText = (max: number) =>
  z
    .string()
    .min(2, 'A name is at least 2 characters.')
    .max(max, `A name is at most ${max} characters.`)
    .refine((s) => !unsafeChars.test(s) && !LONE_SURROGATE.test(s), 'The name contains invisible or control characters.');

/** A name as typed, normalized (NFC, trimmed, runs of white space as one space) before `rules` check it. */
const typedName = <T extends z.ZodType<string, string>>(rules: T) =>
  z
    .string({ error: 'Enter a name.' })
    .transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '))
    .pipe(rules);

export const organizationNameSchema = typedName(nameText(120));

/** A person's display name: shown publicly on seats, proposals and comments. */
export const personNameSchema = typedName(nameText(80).refine((s) => !s.includes('@'), 'Use a name, not an e-mail address: names are public.'));

/**
 * An organization's mission: optional, at most 2,000 characters. A browser sends each line break
 * of a textarea as CRLF while its own counter (maxlength) counts it as one character, so line
 * breaks are made LF before counting: the limit means what the form's counter showed.
 */
const missionSchema = z
  .string()
  .optional()
  .transform((s) => (s ?? '').replace(/\r\n?/g, '\n').trim())
  .pipe(storableText(z.string().max(2000, 'The mission is at most 2,000 characters.'), 'mission'));

/** An optional form field holding a whole number of `unit` within [min, max] (each with its message); blank is undefined. */
const optionalWholeNumber = (unit: string, [min, tooSmall]: [number, string], [max, tooLarge]: [number, string]) =>
  z
    .string()
    .optional()
    .transform((s) => (s && s.trim() ? Number(s) : undefined))
    .pipe(
      z
        .number({ error: `Enter a whole number of ${unit}.` })
        .int(`Enter a whole number of ${unit}.`)
        .min(min, tooSmall)
        .max(max, tooLarge)
        .optional(),
    );

export const createOrganizationSchema = z
  .object({
    name: organizationNameSchema,
    slug: z
      .string()
      .optional()
      .transform((s) => (s ?? '').trim().toLowerCase()),
    mission: missionSchema,
    template: z.enum(charterTemplateKeys, { error: 'Choose a charter template.' }).default('nonprofit_board'),
    primarySeats: optionalWholeNumber(
      'seats',
      [SEATS_RANGE.min, `A governing body needs at least ${SEATS_RANGE.min} seats.`],
      [SEATS_RANGE.max, `At most ${SEATS_RANGE.max} seats.`],
    ),
    vacancyDeadlineDays: optionalWholeNumber('days', [7, 'At least 7 days.'], [365, 'At most 365 days.']),
  })
  .transform((v, ctx) => {
    const slug = v.slug || slugify(v.name);
    const checked = slugSchema.safeParse(slug);
    if (!checked.success) {
      ctx.addIssue({
        code: 'custom',
        path: ['slug'],
        message: v.slug ? (checked.error.issues[0]?.message ?? 'Invalid slug.') : 'Choose a slug: the name gives no usable one.',
      });
      return z.NEVER;
    }
    return { ...v, slug };
  });

const orgIdSchema = z.uuid('Unknown organization.');

export const inviteMemberSchema = z.object({
  orgId: orgIdSchema,
  email: emailSchema,
  name: z
    .string()
    .optional()
    .transform((s) => (s && s.trim() ? s : undefined))
    .pipe(personNameSchema.optional()),
  role: z.enum(membershipRoles, { error: 'Choose a role.' }).default('member'),
});

export const changeRoleSchema = z.object({
  orgId: orgIdSchema,
  membershipId: z.uuid('Unknown membership.'),
  role: z.enum(membershipRoles, { error: 'Choose a role.' }),
});

/**
 * An admin sets a member's stakeholder group: normalized (trimmed, single spaces), checked by the
 * rule in lib/governance/stakeholder-groups.ts; empty (or absent) clears it (null).
 */
export const stakeholderGroupSchema = z.object({
  orgId: orgIdSchema,
  membershipId: z.uuid('Unknown membership.'),
  group: z
    .string()
    .max(400, 'A stakeholder group is a short name.')
    .optional()
    .transform((s, ctx) => {
      const name = normalizeStakeholderGroup(s ?? '');
      if (name === '') return null;
      const rule = checkStakeholderGroupName(name);
      if (!rule.ok) {
        ctx.addIssue({ code: 'custom', message: rule.reason });
        return z.NEVER;
      }
      return name;
    }),
});

export const removeMemberSchema = z.object({
  orgId: orgIdSchema,
  membershipId: z.uuid('Unknown membership.'),
});

/** An admin acts on a pending invitation (revoke, resend). */
export const invitationSchema = z.object({
  orgId: orgIdSchema,
  membershipId: z.uuid('Unknown invitation.'),
});

/** The invitee answers their own invitation: the organization is enough, the invitation is theirs. */
export const answerInvitationSchema = z.object({
  orgId: orgIdSchema,
});

export const leaveOrganizationSchema = z.object({
  orgId: orgIdSchema,
  /** A ticked box: leaving cannot be undone by the member (an admin has to invite them again). */
  confirm: z.literal('leave', { error: 'Tick the box to confirm that you want to leave.' }),
});

export const organizationProfileSchema = z.object({
  orgId: orgIdSchema,
  name: organizationNameSchema,
  mission: missionSchema,
  visibility: z.enum(['public', 'private'], { error: 'Choose public or private.' }),
});

/** Archive: the admin types the organization's name; the use case compares it (the name may have changed since the page loaded). */
export const archiveOrganizationSchema = z.object({
  orgId: orgIdSchema,
  confirmation: storableText(
    z.string({ error: "Type the organization's name to confirm." }).max(200, { error: 'That is longer than any organization name.' }),
    'confirmation',
  ),
});

export const unarchiveOrganizationSchema = z.object({ orgId: orgIdSchema });

/** Setting or removing the logo: the organization; the image itself is the form's file, checked by its bytes (lib/governance/logo.ts). */
export const organizationLogoSchema = z.object({ orgId: orgIdSchema });

export type CreateOrganizationInput = z.infer<typeof createOrganizationSchema>;
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;
