/**
 * The schemas' field errors the catalogue translates (namespace `fieldErrors`, lib/i18n/field-errors.ts): in each
 * covered file of lib/validation every message a schema words itself has a catalogue entry whose English is that text
 * word for word, and every entry is a message of those files; zod's own words get a map in French and German only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deleteAccountPhrase } from '@/lib/governance/account';
import { SEATS_RANGE } from '@/lib/governance/charter-adjust';
import { catalogues } from './catalogue';
import { textFaultEnglish, textFieldError, textFieldErrorOf, textFields } from '@/lib/validation/text';
import type { TextFault, TextField } from '@/lib/validation/text';
import { fieldErrorIn, fieldErrorOfEnglish, zodErrorsIn } from './field-errors';

/** The schema files whose every message is translated (docs/i18n.md). */
export const coveredSchemaFiles = [
  'lib/validation/account.ts',
  'lib/validation/api-token.ts',
  'lib/validation/delegation.ts',
  'lib/validation/email.ts',
  'lib/validation/locale.ts',
  'lib/validation/meeting.ts',
  'lib/validation/meeting-minutes.ts',
  'lib/validation/notify.ts',
  'lib/validation/organization.ts',
  'lib/validation/petition.ts',
  'lib/validation/proposal.ts',
  'lib/validation/webhook.ts',
  'lib/validation/witness.ts',
  'lib/validation/written-consent.ts',
];

/** What each template literal of those files gives: its messages as the schemas build them (a new template fails below). */
const templates: Record<string, string[]> = {
  '`Type “${deleteAccountPhrase}” to confirm.`': [`Type “${deleteAccountPhrase}” to confirm.`],
  '`Type “${deleteAccountPhrase}” exactly to confirm. Nothing was deleted.`': [`Type “${deleteAccountPhrase}” exactly to confirm. Nothing was deleted.`],
  '`A name is at most ${max} characters.`': ['A name is at most 120 characters.', 'A name is at most 80 characters.'],
  '`Enter a whole number of ${unit}.`': ['Enter a whole number of seats.', 'Enter a whole number of days.'],
  '`A governing body needs at least ${SEATS_RANGE.min} seats.`': [`A governing body needs at least ${SEATS_RANGE.min} seats.`],
  '`At most ${SEATS_RANGE.max} seats.`': [`At most ${SEATS_RANGE.max} seats.`],
  '`Two options share rank ${rank}: give each rank once.`': ['Two options share rank 2: give each rank once.'],
  '`Rank ${rank} is given but rank ${i + 1} is missing: number your choices 1, 2, 3 without gaps.`': [
    'Rank 3 is given but rank 2 is missing: number your choices 1, 2, 3 without gaps.',
  ],
  '`Enter the ${what}.`': ['Enter the title.', 'Enter the location or link.', 'Enter the reason.'],
  '`The ${what} is at most ${max} characters.`': [
    'The title is at most 200 characters.',
    'The location or link is at most 500 characters.',
    'The reason is at most 1000 characters.',
  ],
  // A form field's name, not a message.
  '`kind:${kind}`': [],
  // A date's text: not a message.
  '`${s}:00Z`': [],
};

/** The messages a file words itself: string literals that read as a sentence, and its template literals' messages. */
function messagesOf(file: string): { literals: string[]; templates: string[] } {
  const source = ts.createSourceFile(file, readFileSync(path.join(process.cwd(), file), 'utf8'), ts.ScriptTarget.Latest, true);
  const literals: string[] = [];
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && /^[A-Z].*[.?]$/s.test(node.text) && node.text.includes(' '))
      literals.push(node.text);
    if (ts.isTemplateExpression(node)) found.push(node.getText());
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { literals, templates: found };
}

const all = coveredSchemaFiles.map(messagesOf);
const expanded = [...all.flatMap((m) => m.literals), ...all.flatMap((m) => m.templates.flatMap((t) => templates[t] ?? []))];

describe('the schemas’ field errors in the catalogue', () => {
  it.each(coveredSchemaFiles)('%s: every message has its entry, English word for word', (file) => {
    const { literals, templates: found } = messagesOf(file);
    for (const template of found) expect(Object.keys(templates), `${file}: a template literal this test does not know`).toContain(template);
    for (const text of [...literals, ...found.flatMap((t) => templates[t]!)]) {
      expect(fieldErrorOfEnglish(text), `${file}: “${text}”`).not.toBeNull();
      expect(fieldErrorIn('en', text)).toBe(text);
      for (const locale of ['fr', 'de'] as const) expect(fieldErrorIn(locale, text), `${locale}: “${text}”`).not.toBe(text);
    }
  });

  it('every entry is a message of the covered files', () => {
    const recognised = new Set(expanded.map((text) => fieldErrorOfEnglish(text)?.key));
    for (const key of Object.keys(catalogues.en.fieldErrors.messages)) expect(recognised, key).toContain(key);
  });

  it('placeholders pass through: a number, the confirmation phrase', () => {
    expect(fieldErrorIn('fr', 'A name is at most 120 characters.')).toBe('Un nom comporte au plus 120 caractères.');
    expect(fieldErrorIn('de', `Type “${deleteAccountPhrase}” to confirm.`)).toBe(`Geben Sie „${deleteAccountPhrase}“ zur Bestätigung ein.`);
    expect(fieldErrorIn('fr', 'Something a schema never says.')).toBeNull();
  });

  it('zod’s own words: English untouched, French and German by the issue’s code and bound', () => {
    const schema = z.object({ a: z.string().max(3), b: z.string().min(2), c: z.enum(['x', 'y']), d: z.email(), e: z.number().max(10) });
    const input = { a: 'abcd', b: 'a', c: 'z', d: 'nope', e: 11 };
    expect(zodErrorsIn('en')).toBeUndefined();
    const messages = (locale: 'fr' | 'de') => schema.safeParse(input, { error: zodErrorsIn(locale) }).error!.issues.map((i) => i.message);
    expect(messages('fr')).toEqual([
      'Au plus 3 caractères.',
      'Au moins 2 caractères.',
      'Choisissez l’une des valeurs proposées.',
      'Format non valide.',
      'Au plus 10.',
    ]);
    expect(messages('de')).toEqual([
      'Höchstens 3 Zeichen.',
      'Mindestens 2 Zeichen.',
      'Wählen Sie einen der angebotenen Werte.',
      'Ungültiges Format.',
      'Höchstens 10.',
    ]);
    // One character, or one item: the singular.
    const one = z.object({ a: z.string().min(1), b: z.array(z.string()).max(1) }).safeParse({ a: '', b: ['x', 'y'] }, { error: zodErrorsIn('fr') });
    expect(one.error!.issues.map((i) => i.message)).toEqual(['Au moins 1 caractère.', 'Au plus 1 élément.']);
    // A schema's own words win over the map.
    expect(z.string({ error: 'Choose a role.' }).safeParse(1, { error: zodErrorsIn('fr') }).error!.issues[0]!.message).toBe('Choose a role.');
  });
});

describe('storableText’s two errors (lib/validation/text.ts), made of parts: the fault and the field’s key', () => {
  const fields = Object.keys(textFields) as TextField[];
  const faults = Object.keys(textFaultEnglish) as TextFault[];

  it('the catalogue’s English is text.ts’s, field by field and fault by fault', () => {
    expect(catalogues.en.textFieldErrors.fields).toEqual(textFields);
    for (const fault of faults) expect(catalogues.en.textFieldErrors[fault]).toBe(textFaultEnglish[fault]);
  });

  it('every field and fault: English word for word, French and German with the field worded from the catalogue, no English name left', () => {
    for (const field of fields)
      for (const fault of faults) {
        const english = textFieldError(fault, field);
        expect(textFieldErrorOf(english)).toEqual({ fault, field });
        expect(fieldErrorIn('en', english)).toBe(english);
        for (const locale of ['fr', 'de'] as const) {
          const words = fieldErrorIn(locale, english)!;
          expect(words, `${locale} ${fault} ${field}`).toContain(catalogues[locale].textFieldErrors.fields[field]);
          expect(words, `${locale} ${fault} ${field}`).not.toContain(textFields[field]);
          expect(words, `${locale} ${fault} ${field}`).not.toMatch(/contains|remove it|retype/);
        }
      }
    expect(fieldErrorIn('fr', 'The name contains a NUL character; remove it.')).toBe('Le champ « Nom » contient un caractère NUL ; supprimez-le.');
    expect(fieldErrorIn('de', 'The comment contains a broken character (a lone surrogate); retype or remove it.')).toBe(
      'Das Feld „Kommentar“ enthält ein defektes Zeichen (ein einzelnes Surrogat); geben Sie es neu ein oder entfernen Sie es.',
    );
    // A field text.ts does not know is no part: left as it is.
    expect(textFieldErrorOf('The weather contains a NUL character; remove it.')).toBeNull();
  });
});
