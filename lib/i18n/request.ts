import 'server-only';
import { getRequestConfig } from 'next-intl/server';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { getOrganizationDefaultLocale } from '@/db/queries/organizations';
import { getUserLocale } from '@/db/queries/users';
import { getSessionUser } from '@/lib/auth/session';
import { catalogues } from './catalogue';
import { formats } from './formats';
import { resolveLocale } from './locales';
import { ORG_HEADER } from './org-header';

/** The request's language: the person's choice, else Accept-Language, else the organization's default (docs/i18n.md). */
export const requestLocale = cache(async () => {
  const h = await headers();
  const user = await getSessionUser();
  const person = user ? await getUserLocale(getDb(), user.id) : null;
  const slug = h.get(ORG_HEADER);
  const organization = slug ? await getOrganizationDefaultLocale(getDb(), slug) : null;
  return resolveLocale({ person, acceptLanguage: h.get('accept-language'), organization });
});

// next.config.js aliases `next-intl/config` to this file (what next-intl's plugin would do).
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: catalogues[locale], timeZone: 'UTC', formats };
});
