// Canonical JSON for decision-log entries: RFC 8785 (JSON Canonicalization Scheme, JCS)
// restricted to the subset the log uses — objects, arrays, strings, booleans, null and safe
// integers.
//
// Browser-safe and dependency-free on purpose: the in-browser verifier imports this file, and
// a reader must be able to recompute every hash from the public export with nothing but this
// code. The `canonicalize` npm package is used only in tests, as an independent cross-check.

/** Thrown when a value is outside the canonical-JSON subset; the message names the path. */
export class CanonicalJsonError extends Error {
  constructor(path: string, problem: string) {
    super(`canonicalJson: ${path}: ${problem}`);
    this.name = 'CanonicalJsonError';
  }
}

// The path to the value being serialized, kept as a stack and only joined into a string when
// there is an error to report: building "$.payload.x" for every key would dominate the cost.
type Path = (string | number)[];

function pathText(path: Path): string {
  return `$${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}`;
}

/**
 * True when `s` has no lone surrogates, i.e. it is a sequence of Unicode scalar values and so
 * has exactly one UTF-8 encoding. A lone surrogate would be silently replaced by U+FFFD when
 * encoded, letting two different strings hash alike; RFC 8785 §3.2.2.2 requires rejecting them.
 */
export function isWellFormedUnicode(s: string): boolean {
  // String.prototype.isWellFormed (ES2024) is native in Node 20 and current browsers; the loop
  // keeps older browsers working.
  if (typeof s.isWellFormed === 'function') return s.isWellFormed();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1); // NaN past the end, which fails the range test
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of `s`. Throws on lone surrogates instead of substituting U+FFFD (see above). */
export function utf8(s: string): Uint8Array {
  if (!isWellFormedUnicode(s)) throw new CanonicalJsonError('utf8', 'string contains a lone surrogate');
  return encoder.encode(s);
}

// Strings JSON.stringify would leave as they are apart from the quotes: no `"`, no `\`, no C0
// control, and no surrogate at all (so trivially well-formed). Ids, kinds, timestamps and most
// prose are like this, and one regex test is much cheaper than the well-formedness check plus
// JSON.stringify's copy. Anything else takes the general path below.
const PLAIN_STRING = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

function serializeString(s: string, path: Path): string {
  if (PLAIN_STRING.test(s)) return '"' + s + '"';
  if (!isWellFormedUnicode(s)) throw new CanonicalJsonError(pathText(path), 'string contains a lone surrogate');
  // RFC 8785 §3.2.2.2 defines string serialization as ECMAScript's JSON.stringify: escape
  // `"` and `\`, the short forms \b \t \n \f \r, other C0 controls as lowercase \u00xx, and
  // everything else literally. JSON.stringify is exactly that for well-formed strings.
  return JSON.stringify(s);
}

// RFC 8785 §3.2.3: property names are sorted by their UTF-16 code units, compared as unsigned
// integers — which is what JavaScript's `<` on strings does (not locale, not code points).
// Objects in the log have a handful of keys, where an insertion sort with inline `<` beats
// Array#sort's comparator calls several times over; big objects still get O(n log n).
function sortByUtf16CodeUnits(keys: string[]): string[] {
  if (keys.length > 16) return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > key; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = key;
  }
  return keys;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function serialize(value: unknown, path: Path, ancestors: object[] | null): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return serializeString(value, path);
    case 'number':
      // Integers only. RFC 8785 §3.2.2.3 does define float output (ECMAScript Number
      // formatting), but floats are where implementations in other languages disagree, and
      // integers beyond 2^53 do not survive a JSON round trip (RFC 7493 §2.2). Log payloads
      // carry counts, ids and timestamps-as-strings, so the subset costs nothing.
      if (!Number.isFinite(value)) throw new CanonicalJsonError(pathText(path), `non-finite number ${String(value)}`);
      if (!Number.isSafeInteger(value)) throw new CanonicalJsonError(pathText(path), `number ${String(value)} is not a safe integer`);
      return String(value); // String(-0) is "0", as RFC 8785 §3.2.2.3 requires
    case 'object':
      break;
    default:
      // undefined, function, symbol, bigint: JSON.stringify would drop or throw
      // inconsistently; a hash input must never silently lose a field.
      throw new CanonicalJsonError(pathText(path), `${typeof value} is not JSON`);
  }

  // The objects being serialized, outermost first, for cycle detection. A stack rather than a
  // Set: log payloads are a level or two deep, where a short scan beats hashing, and it is
  // only allocated once there is an object at all.
  const stack = ancestors ?? [];
  if (stack.includes(value)) throw new CanonicalJsonError(pathText(path), 'circular reference');
  stack.push(value);
  // Plain concatenation: V8 builds it as a rope, cheaper than collecting parts and joining.
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      if (!(i in value)) throw new CanonicalJsonError(pathText(path), 'sparse array hole');
      out += (i === 0 ? '' : ',') + serialize(value[i] as unknown, path, stack);
      path.pop();
    }
    out += ']';
  } else {
    // Dates, Maps, class instances and the like have no single JSON meaning; insist on
    // plain data so the caller decides how to represent them (e.g. ISO strings).
    if (!isPlainObject(value)) throw new CanonicalJsonError(pathText(path), 'only plain objects are allowed');
    if (Object.getOwnPropertySymbols(value).length > 0) {
      throw new CanonicalJsonError(pathText(path), 'symbol-keyed properties are not JSON');
    }
    const keys = sortByUtf16CodeUnits(Object.keys(value));
    out = '{';
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      path.push(key);
      out += (i === 0 ? '' : ',') + serializeString(key, path) + ':' + serialize(value[key], path, stack);
      path.pop();
    }
    out += '}';
  }
  stack.pop();
  return out;
}

/**
 * RFC 8785 canonical JSON of `value`: no insignificant whitespace (§3.2.1), keys sorted by
 * UTF-16 code units (§3.2.3), strings and integers serialized as ECMAScript does (§3.2.2).
 * Throws CanonicalJsonError on anything outside the subset: non-integers, NaN/Infinity,
 * unsafe integers, undefined, functions, symbols, bigints, lone surrogates, cycles, sparse
 * arrays and non-plain objects.
 */
export function canonicalJson(value: unknown): string {
  return serialize(value, [], null);
}

/**
 * canonicalJson(value) for the value of property `key` of an enclosing object, so errors name
 * `$.key…` as they would had the whole object been serialized. For callers that lay out an
 * object of known shape themselves (./entry does, for the verifier's hot loop).
 */
export function canonicalMember(key: string, value: unknown): string {
  // Strings first, without building the path: it is only needed for the error.
  if (typeof value === 'string' && PLAIN_STRING.test(value)) return '"' + value + '"';
  return serialize(value, [key], null);
}
