// Reading a `quorate-log-export/1` document (GET /api/o/[slug]/log/export, or a saved copy) into
// the verifier's input. Browser-safe: the verify page runs this on whatever file it is given, so
// it never throws — it says what is wrong.

import { base64Decode } from '@/lib/log/base64';
import { parseVerifierKey } from '@/lib/log/signed-note';
import type { VerifyInput } from '@/lib/log/verify';
import type { StoredEntry } from '@/lib/log/entry';
import { englishLogText, logText } from '@/lib/log/words';
import type { LogText } from '@/lib/log/words';

export const LOG_EXPORT_FORMAT = 'quorate-log-export/1';

export type LoadedExport = {
  input: VerifyInput;
  organization: { id: string; slug: string; name: string } | null;
  /** The verifier key the checkpoints were checked with, if any. */
  keyUsed: string | null;
  /** Set when a pinned key was given and the export names a different one. */
  keyMismatch: string | null;
  checkpointCount: number;
};

/** `error` in English (the CLI's), `errorText` the same as data for the verify page (lib/log/words). */
export type ExportResult = { ok: true; value: LoadedExport } | { ok: false; error: string; errorText: LogText };

const refused = (text: LogText): ExportResult => ({ ok: false, error: englishLogText(text), errorText: text });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses an export. With `pinnedKey` (a verifier key the reader trusts, noted earlier or taken
 * from somewhere other than this server), checkpoints are checked against it rather than the
 * key the export itself names — a server rewriting history could also swap its key.
 */
export function loadLogExport(text: string, pinnedKey?: string): ExportResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return refused(logText('export.notJson'));
  }
  if (!isRecord(doc)) return refused(logText('export.notExport'));
  if (doc.format !== LOG_EXPORT_FORMAT) {
    return refused(logText('export.unknownFormat', { format: JSON.stringify(doc.format ?? null), expected: LOG_EXPORT_FORMAT }));
  }
  if (!Array.isArray(doc.entries)) return refused(logText('export.noEntries'));
  const checkpoints = Array.isArray(doc.checkpoints) ? (doc.checkpoints as { note: string }[]) : [];
  const exportKey = typeof doc.verifierKey === 'string' ? doc.verifierKey : null;
  const pinned = pinnedKey?.trim() || null;

  let publicKeyRaw: Uint8Array | undefined;
  let origin: string | undefined = typeof doc.origin === 'string' ? doc.origin : undefined;
  let keyUsed: string | null = null;
  const keyText = pinned ?? exportKey;
  if (keyText) {
    try {
      const parsed = parseVerifierKey(keyText);
      publicKeyRaw = parsed.publicKeyRaw;
      origin = parsed.name;
      keyUsed = keyText;
    } catch {
      return refused(logText(pinned ? 'export.pinnedKey' : 'export.exportKey'));
    }
  } else if (typeof doc.publicKey === 'string') {
    publicKeyRaw = base64Decode(doc.publicKey) ?? undefined;
  }

  const org = isRecord(doc.organization) ? doc.organization : null;
  return {
    ok: true,
    value: {
      input: { entries: doc.entries as StoredEntry[], checkpoints, publicKeyRaw, origin, attachments: doc.attachments },
      organization:
        org && typeof org.id === 'string' && typeof org.slug === 'string' && typeof org.name === 'string'
          ? { id: org.id, slug: org.slug, name: org.name }
          : null,
      keyUsed,
      keyMismatch: pinned && exportKey && exportKey !== pinned ? exportKey : null,
      checkpointCount: checkpoints.length,
    },
  };
}
