/** Only same-site paths: "/o/x" yes; "//evil.example", "/\\evil.example" or "https://…" no. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

/** Auth.js hands us absolute callback URLs; keep only the path when it is on our own origin. */
export function returnPathFromUrl(value: string | null | undefined, origin: string): string {
  if (!value) return '/';
  if (value.startsWith('/')) return safeReturnPath(value);
  try {
    const url = new URL(value);
    if (url.origin !== origin) return '/';
    return safeReturnPath(`${url.pathname}${url.search}${url.hash}`);
  } catch {
    return '/';
  }
}
