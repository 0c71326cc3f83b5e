/**
 * An organization's logo from /o/[slug]/logo, or nothing when it has none. Its hash is in the address,
 * so a new logo is a new URL. Decorative (empty alt): the organization's name always stands beside it.
 */
export function OrganizationLogo({ slug, sha256, size }: { slug: string; sha256: string | null | undefined; size: number }) {
  if (!sha256) return null;
  return (
    // A small image served by our own route: next/image's optimizer would add nothing here.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={`/o/${slug}/logo?v=${sha256.slice(0, 16)}`}
      alt=""
      width={size}
      height={size}
      className="shrink-0 rounded-lg border border-zinc-200 bg-white object-contain"
      style={{ width: size, height: size }}
    />
  );
}
