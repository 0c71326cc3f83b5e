import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { base64Decode, base64Encode } from './base64';
import { ed25519PublicKeyRaw, formatCheckpoint, parseCheckpoint, parseVerifierKey, signNote, verifierKey, verifyEd25519, verifyNote } from './checkpoint';
import { splitNote } from './signed-note';
import { expectCodecMatchesBuffer } from './testing';

// The worked example from golang.org/x/mod/sumdb/note's package documentation: a signer key,
// its verifier key, and the exact signed note Go produces. Ed25519 is deterministic, so our
// signNote must reproduce it byte for byte.
const GO_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_SIG_LINE = '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const GO_SECOND_SIG_LINE = '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';

function goPrivateKey() {
  // The key data itself may contain '+', so take everything after the fourth separator.
  const seed = Buffer.from(GO_SKEY.split('+').slice(4).join('+'), 'base64').subarray(1); // drop the 0x01 type byte
  // PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410 §7).
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

const ORIGIN = 'quorate.example/log/org_1';
const ROOT_B64 = base64Encode(new Uint8Array(32).fill(7));

function newKey() {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKeyRaw: ed25519PublicKeyRaw(privateKey) };
}

describe('signed notes against the Go reference', () => {
  const privateKey = goPrivateKey();
  const pub = ed25519PublicKeyRaw(privateKey);

  it('derives the same verifier key (key hash = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[:4])', () => {
    expect(verifierKey('PeterNeumann', pub)).toBe(GO_VKEY);
    expect(parseVerifierKey(GO_VKEY)).toEqual({ name: 'PeterNeumann', publicKeyRaw: pub });
  });

  it('parses verifier keys whose key data contains "+", and rejects a wrong key hash', () => {
    let key = newKey();
    while (!verifierKey('k', key.publicKeyRaw).split('+').slice(2).join('+').includes('+')) key = newKey();
    const vkey = verifierKey('k', key.publicKeyRaw);
    expect(parseVerifierKey(vkey)).toEqual({ name: 'k', publicKeyRaw: key.publicKeyRaw });
    expect(() => parseVerifierKey(GO_VKEY.replace('c74f20a3', 'c74f20a4'))).toThrow(/key hash/);
    expect(() => parseVerifierKey('PeterNeumann+c74f20a3')).toThrow();
  });

  it('produces the same signed note byte for byte', () => {
    expect(signNote(GO_TEXT, { name: 'PeterNeumann', privateKey })).toBe(`${GO_TEXT}\n${GO_SIG_LINE}`);
  });

  it('verifies the Go note, ignoring a co-signature by a key it does not know', async () => {
    const key = parseVerifierKey(GO_VKEY);
    expect(await verifyNote(`${GO_TEXT}\n${GO_SIG_LINE}`, key)).toEqual({ ok: true, text: GO_TEXT });
    expect(await verifyNote(`${GO_TEXT}\n${GO_SECOND_SIG_LINE}${GO_SIG_LINE}`, key)).toEqual({ ok: true, text: GO_TEXT });
    const onlyOther = await verifyNote(`${GO_TEXT}\n${GO_SECOND_SIG_LINE}`, key);
    expect(onlyOther).toEqual({ ok: false, error: 'no signature by key PeterNeumann+c74f20a3' });
  });
});

describe('signNote / verifyNote', () => {
  const { privateKey, publicKeyRaw } = newKey();
  const text = formatCheckpoint({ origin: ORIGIN, size: 42, rootHashB64: ROOT_B64 });
  const note = signNote(text, { name: ORIGIN, privateKey });

  it('round-trips', async () => {
    expect(note.startsWith(`${text}\n— ${ORIGIN} `)).toBe(true);
    expect(await verifyNote(note, { name: ORIGIN, publicKeyRaw })).toEqual({ ok: true, text });
  });

  it('allows blank lines inside the text: the signatures follow the last one', async () => {
    const multi = 'first paragraph\n\nsecond paragraph\n';
    const signed = signNote(multi, { name: ORIGIN, privateKey });
    expect(await verifyNote(signed, { name: ORIGIN, publicKeyRaw })).toEqual({ ok: true, text: multi });
  });

  it('fails when any character of the text changes', async () => {
    for (let i = 0; i < text.length; i++) {
      const swapped = text[i] === '1' ? '2' : '1';
      const tampered = note.slice(0, i) + swapped + note.slice(i + 1);
      const result = await verifyNote(tampered, { name: ORIGIN, publicKeyRaw });
      expect(result.ok, `position ${i}`).toBe(false);
    }
  });

  it('fails when any byte of the signature changes', async () => {
    const { signatures } = splitNote(note);
    const raw = new Uint8Array([...signatures[0]!.keyHash, ...signatures[0]!.signature]);
    for (let i = 4; i < raw.length; i++) {
      const bad = raw.slice();
      bad[i]! ^= 0x10;
      const tampered = `${text}\n— ${ORIGIN} ${base64Encode(bad)}\n`;
      expect(await verifyNote(tampered, { name: ORIGIN, publicKeyRaw })).toEqual({
        ok: false,
        error: expect.stringMatching(/^invalid signature for key /) as unknown,
      });
    }
  });

  it('fails with the wrong key or the wrong name', async () => {
    expect((await verifyNote(note, { name: ORIGIN, publicKeyRaw: newKey().publicKeyRaw })).ok).toBe(false);
    expect((await verifyNote(note, { name: 'someone.else', publicKeyRaw })).ok).toBe(false);
  });

  it('rejects a known key whose signature is bad even if another copy is good', async () => {
    const forged = signNote(text.replace('42', '43'), { name: ORIGIN, privateKey }).split('\n\n')[1]!;
    const result = await verifyNote(`${note}${forged}`, { name: ORIGIN, publicKeyRaw });
    expect(result.ok).toBe(false);
  });

  it.each<[string, string]>([
    ['no blank line', `${text}— ${ORIGIN} AAAA\n`],
    ['no final newline', note.slice(0, -1)],
    ['no em dash', note.replace('— ', '- ')],
    ['a bad base64 signature', note.replace(/ [A-Za-z0-9+/=]+\n$/, ' !!!!\n')],
    ['a too-short signature', `${text}\n— ${ORIGIN} AAAAAA==\n`],
    ['a key name with a plus', note.replace(`— ${ORIGIN}`, `— a+b`)],
    ['a control character', note.replace('42', '4\t2')],
    ['a lone surrogate', note.replace('42', '4\ud8002')],
    ['over 100 signatures', `${text}\n${note.split('\n\n')[1]!.repeat(101)}`],
  ])('rejects a note with %s', async (_label, bad) => {
    const result = await verifyNote(bad, { name: ORIGIN, publicKeyRaw });
    expect(result.ok).toBe(false);
  });

  it('refuses to sign text that is not a valid note', () => {
    expect(() => signNote('no newline', { name: ORIGIN, privateKey })).toThrow();
    expect(() => signNote('tab\there\n', { name: ORIGIN, privateKey })).toThrow();
    expect(() => signNote(text, { name: 'has space', privateKey })).toThrow();
    expect(() => signNote(text, { name: ORIGIN, privateKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey })).toThrow();
  });
});

describe('verifyEd25519 (WebCrypto)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  const { privateKey, publicKeyRaw } = newKey();
  const msg = new TextEncoder().encode('hello\n');
  const sig = splitNote(signNote('hello\n', { name: 'k', privateKey })).signatures[0]!.signature;

  it('accepts a good signature and rejects tampering and bad lengths', async () => {
    expect(await verifyEd25519(publicKeyRaw, msg, sig)).toBe(true);
    expect(await verifyEd25519(publicKeyRaw, new TextEncoder().encode('hellO\n'), sig)).toBe(false);
    expect(await verifyEd25519(publicKeyRaw, msg, sig.slice(0, 63))).toBe(false);
    expect(await verifyEd25519(publicKeyRaw.slice(0, 31), msg, sig)).toBe(false);
  });

  it('throws, rather than answering "forged", where WebCrypto is missing', async () => {
    vi.stubGlobal('crypto', undefined);
    await expect(verifyEd25519(publicKeyRaw, msg, sig)).rejects.toThrow(/not available/);
  });
});

describe('checkpoints', () => {
  it('formats origin, size and root, each ending in a newline', () => {
    expect(formatCheckpoint({ origin: ORIGIN, size: 0, rootHashB64: ROOT_B64 })).toBe(`${ORIGIN}\n0\n${ROOT_B64}\n`);
    expect(() => formatCheckpoint({ origin: 'a\nb', size: 1, rootHashB64: ROOT_B64 })).toThrow();
    expect(() => formatCheckpoint({ origin: ORIGIN, size: 1.5, rootHashB64: ROOT_B64 })).toThrow();
    expect(() => formatCheckpoint({ origin: ORIGIN, size: 1, rootHashB64: 'AAAA' })).toThrow();
  });

  it('parses what it formats, and extension lines', () => {
    const parsed = parseCheckpoint(formatCheckpoint({ origin: ORIGIN, size: 1234, rootHashB64: ROOT_B64 }));
    expect(parsed).toEqual({ origin: ORIGIN, size: 1234, rootHashB64: ROOT_B64, rootHash: new Uint8Array(32).fill(7), extensions: [] });
    expect(parseCheckpoint(`${ORIGIN}\n5\n${ROOT_B64}\nextra one\n`).extensions).toEqual(['extra one']);
  });

  it.each<[string, string]>([
    ['no final newline', `${ORIGIN}\n5\n${ROOT_B64}`],
    ['an empty origin', `\n5\n${ROOT_B64}\n`],
    ['a missing root', `${ORIGIN}\n5\n`],
    ['a leading zero', `${ORIGIN}\n05\n${ROOT_B64}\n`],
    ['a negative size', `${ORIGIN}\n-5\n${ROOT_B64}\n`],
    ['a fractional size', `${ORIGIN}\n5.0\n${ROOT_B64}\n`],
    ['a padded size', `${ORIGIN}\n 5\n${ROOT_B64}\n`],
    ['an unsafe size', `${ORIGIN}\n9007199254740993\n${ROOT_B64}\n`],
    ['a 31-byte root', `${ORIGIN}\n5\n${base64Encode(new Uint8Array(31))}\n`],
    ['a non-canonical base64 root', `${ORIGIN}\n5\n${ROOT_B64.replace(/.=$/, 'd=')}\n`],
    ['an empty extension line', `${ORIGIN}\n5\n${ROOT_B64}\n\n`],
    ['a control character', `${ORIGIN}\r\n5\n${ROOT_B64}\n`],
  ])('rejects %s', (_label, text) => {
    expect(() => parseCheckpoint(text)).toThrow(/malformed checkpoint/);
  });
});

describe('base64', () => {
  it('round-trips and agrees with Buffer', () => {
    expectCodecMatchesBuffer(base64Encode, base64Decode, 'base64', 70);
  });

  it.each(['A', 'AAA', 'AA=A', '=AAA', 'QR==', 'QUI=QUI=', 'QU I=', 'QUJ\n', 'QQ'])('rejects %j', (bad) => {
    expect(base64Decode(bad)).toBeNull();
  });
});
