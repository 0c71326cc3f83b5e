// use-intl's core: no React, so the worker and scripts (react-server conditions, no createContext) can load it.
import { createTranslator } from 'use-intl/core';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import { formats } from './formats';
import type { Locale } from './locales';

/** The message catalogues (messages/*.json), by language. Every one has exactly en.json's keys (lib/i18n/catalogues.test.ts). */
export const catalogues: Record<Locale, typeof en> = { en, fr, de };

export type Messages = typeof en;

/** The namespaces client components read: only these travel to the browser. */
export const clientNamespaces = [
  'account',
  'ballot',
  'copy',
  'countdown',
  'delegationForm',
  'errors',
  'form',
  'header',
  'localeForm',
  'markdown',
  'memberForms',
  'newOrg',
  'newProposal',
  'roles',
  'shownOnce',
  'signInForm',
  'verify',
] as const;

export function clientMessages(locale: Locale): Pick<Messages, (typeof clientNamespaces)[number]> {
  const all = catalogues[locale];
  return {
    account: all.account,
    ballot: all.ballot,
    copy: all.copy,
    countdown: all.countdown,
    delegationForm: all.delegationForm,
    errors: all.errors,
    form: all.form,
    header: all.header,
    localeForm: all.localeForm,
    markdown: all.markdown,
    memberForms: all.memberForms,
    newOrg: all.newOrg,
    newProposal: all.newProposal,
    roles: all.roles,
    shownOnce: all.shownOnce,
    signInForm: all.signInForm,
    verify: all.verify,
  };
}

/** A translator outside a request (e-mails, the worker): same catalogues, same formats, UTC. */
export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale], timeZone: 'UTC', formats });
}
