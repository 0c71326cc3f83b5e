import type { z } from 'zod';
import { textFieldErrorOf } from '@/lib/validation/text';
import { catalogues, translatorFor } from './catalogue';
import { englishMessagePattern, matchEnglish } from './english-match';
import type { Locale } from './locales';

/**
 * Form field errors in the reader's language (namespace `fieldErrors`). Two kinds reach a form:
 *
 * - a schema's own words (`lib/validation/*`: "Choose a role.", "Enter a valid e-mail address, like name@example.org."):
 *   the message `fieldErrors.messages.<key>` whose English is that text word for word (placeholders such as `{max}` match
 *   any text and are passed on as they are) is given in the reader's language; the English stays as the schema wrote it.
 *   `field-errors.test.ts` holds every message of the covered schema files to a catalogue entry;
 * - zod's own words, for a check a schema gave no words of its own: in French and German the per-parse error map
 *   `zodErrorsIn` words them from `fieldErrors.zod` (by the issue's code, with its bound); English keeps zod's words.
 *
 * The two errors of `storableText` (lib/validation/text.ts: a NUL or a lone surrogate in a field's text) are made of
 * parts, the fault and the field's key (`textFieldErrorOf`): namespace `textFieldErrors`, the field worded from
 * `textFieldErrors.fields`, never the English name inside a translated sentence.
 */
type Params = Record<string, string>;
type Loose = (key: string, values?: Record<string, unknown>) => string;

const english = catalogues.en.fieldErrors.messages as Record<string, string>;

/** Each message's English as a pattern, its placeholders captured. */
const patterns = Object.entries(english).map(([key, text]) => ({ key, ...englishMessagePattern(text) }));

/** The catalogue key and parameters of a text that is exactly a schema message's English, else null. */
export function fieldErrorOfEnglish(text: string): { key: string; params: Params } | null {
  return matchEnglish(patterns, text);
}

/** A schema's field error in `locale` (or `storableText`'s, by its parts), or null when the text is none of the catalogue's. */
export function fieldErrorIn(locale: Locale, text: string): string | null {
  const parts = textFieldErrorOf(text);
  if (parts) {
    if (locale === 'en') return text;
    const t = translatorFor(locale);
    return t(`textFieldErrors.${parts.fault}`, { field: t(`textFieldErrors.fields.${parts.field}`) });
  }
  const found = fieldErrorOfEnglish(text);
  if (!found) return null;
  if (locale === 'en') return text;
  return (translatorFor(locale) as unknown as Loose)(`fieldErrors.messages.${found.key}`, found.params);
}

const zodCodes = new Set(['invalid_type', 'too_small', 'too_big', 'invalid_format', 'invalid_value']);

/**
 * The per-parse error map for `locale` (`schema.safeParse(values, { error })`): zod's own words for a check without a
 * schema message, from `fieldErrors.zod`. A schema's message still wins (zod gives it precedence). Undefined in
 * English: zod's words stay as they were.
 */
export function zodErrorsIn(locale: Locale): z.core.$ZodErrorMap | undefined {
  if (locale === 'en') return undefined;
  const t = translatorFor(locale) as unknown as Loose;
  return (issue) => {
    const code = zodCodes.has(issue.code ?? '') ? issue.code! : 'other';
    if (code === 'too_small' || code === 'too_big') {
      const bound = code === 'too_small' ? (issue as { minimum?: unknown }).minimum : (issue as { maximum?: unknown }).maximum;
      const origin = String((issue as { origin?: unknown }).origin ?? '');
      return t(`fieldErrors.zod.${code}`, { [code === 'too_small' ? 'minimum' : 'maximum']: Number(bound), origin });
    }
    return t(`fieldErrors.zod.${code}`);
  };
}
