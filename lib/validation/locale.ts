import { z } from 'zod';
import { locales } from '@/lib/i18n/locales';

/** One of the languages Quorate speaks (lib/i18n/locales.ts); anything else is refused and changes nothing. */
export const localeSchema = z.enum(locales, { error: 'Choose one of the languages offered: English, Français or Deutsch.' });

/** The person's own language, on /account. */
export const accountLocaleSchema = z.object({ locale: localeSchema });

/** The organization's default language, on its settings page (admins). */
export const organizationLocaleSchema = z.object({ orgId: z.uuid('Unknown organization.'), locale: localeSchema });
