/**
 * Exact sums and differences of the decimal strings a count reports ("12.34500", "0", "-3"), with
 * BigInt arithmetic: a recount shown on a page adds up digit for digit as the rule's own figures do.
 */

type Fixed = { units: bigint; places: number };

const decimal = /^(-)?(\d+)(?:\.(\d+))?$/;

function parse(text: string): Fixed {
  const m = decimal.exec(text);
  if (!m) throw new RangeError(`Not a decimal number: "${text}"`);
  const fraction = m[3] ?? '';
  const units = BigInt(`${m[2]}${fraction}`);
  return { units: m[1] ? -units : units, places: fraction.length };
}

/** `units / 10^places` as a decimal string with all `places` digits. */
function format(units: bigint, places: number): string {
  const digits = (units < 0n ? -units : units).toString().padStart(places + 1, '0');
  const whole = `${units < 0n ? '-' : ''}${digits.slice(0, digits.length - places)}`;
  return places === 0 ? whole : `${whole}.${digits.slice(digits.length - places)}`;
}

const scaled = (x: Fixed, places: number) => x.units * 10n ** BigInt(places - x.places);

/** The numbers as BigInt units of the most places any of them has, and that number of places. */
function common(texts: readonly string[]): { units: bigint[]; places: number } {
  const parsed = texts.map(parse);
  const places = Math.max(0, ...parsed.map((x) => x.places));
  return { units: parsed.map((x) => scaled(x, places)), places };
}

/** The exact sum, with as many places as the most precise term ("0" for none). */
export function sumDecimals(texts: readonly string[]): string {
  const { units, places } = common(texts);
  return format(
    units.reduce((a, b) => a + b, 0n),
    places,
  );
}

/** `a - b` exactly, with as many places as the more precise of the two. */
export function subtractDecimals(a: string, b: string): string {
  const { units, places } = common([a, b]);
  return format(units[0]! - units[1]!, places);
}

/** -1, 0 or 1 as the number is below, at or above zero. */
export function signOf(text: string): -1 | 0 | 1 {
  const { units } = parse(text);
  return units < 0n ? -1 : units > 0n ? 1 : 0;
}

/** -1, 0 or 1 as the size of `a` (its distance from zero) is below, equal to or above that of `b`. */
export function compareSize(a: string, b: string): -1 | 0 | 1 {
  const [x, y] = common([a, b]).units.map((u) => (u < 0n ? -u : u));
  return x! < y! ? -1 : x! > y! ? 1 : 0;
}

/** The size of `part` as a whole percentage of the size of `whole`, rounded half up; at least 1 for a part that is not zero. */
export function percentOf(part: string, whole: string): number {
  const { units } = common([part, whole]);
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const p = abs(units[0]!);
  const w = abs(units[1]!);
  if (w === 0n || p === 0n) return 0;
  const percent = Number((p * 200n + w) / (2n * w));
  return Math.max(1, percent);
}

/** The number with its sign written out: "+1.50000", "−2" (a true minus sign), "0". */
export function signed(text: string): string {
  const sign = signOf(text);
  return sign > 0 ? `+${text}` : sign < 0 ? `−${text.slice(1)}` : text.replace(/^-/, '');
}
