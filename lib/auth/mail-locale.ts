import 'server-only';
import type { Executor } from '@/db/client';
import { getUserLocaleByEmail } from '@/db/queries/users';
import { isLocale, negotiateLocale } from '@/lib/i18n/locales';
import type { Locale } from '@/lib/i18n/locales';

/**
 * The sign-in e-mail's language: the stored choice of the account with this address, else the
 * language the browser that asked for the link accepts (its Accept-Language, when the request
 * carries one), else English. No organization is involved in signing in, so no organization's
 * default applies.
 */
export async function signInMailLocale(db: Executor, email: string, acceptLanguage: string | null | undefined): Promise<Locale> {
  const chosen = await getUserLocaleByEmail(db, email);
  if (isLocale(chosen)) return chosen;
  return negotiateLocale(acceptLanguage) ?? 'en';
}
