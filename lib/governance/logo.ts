import { refused } from './refusal';
import type { Refused } from './refusal';

/** The largest logo accepted, in bytes (256 KB). */
export const logoMaxBytes = 256 * 1024;

/** The image types a logo may be. Never SVG: it is a document that can carry scripts. */
export type LogoType = 'image/png' | 'image/jpeg' | 'image/webp';

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The image type `bytes` really are, read from their first bytes (the "magic numbers"), never from
 * the file's name or declared type; null for anything else (HTML, SVG, GIF, a truncated file).
 * PNG: the 8-byte signature then the IHDR chunk. JPEG: a start-of-image marker then another marker.
 * WebP: a RIFF container whose form type is WEBP.
 */
export function sniffLogoType(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && startsWith(bytes, ascii('IHDR'), 12)) return 'image/png';
  if (bytes.length > 3 && startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (bytes.length > 15 && startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** A size in words: "2 MB", "300 KB", "12 bytes". */
export function byteSize(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${Math.ceil(n / 1024)} KB`;
  return `${n} bytes`;
}

/** Whether `bytes` may be an organization's logo: not empty, at most 256 KB, and a PNG, JPEG or WebP by its contents. */
export function checkLogo(bytes: Uint8Array): { ok: true; contentType: LogoType } | Refused {
  if (bytes.length === 0) return refused('organization.logo_missing');
  if (bytes.length > logoMaxBytes) return refused('organization.logo_too_large', { size: byteSize(bytes.length), limit: byteSize(logoMaxBytes) });
  const contentType = sniffLogoType(bytes);
  return contentType ? { ok: true, contentType } : refused('organization.logo_type');
}
