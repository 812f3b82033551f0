import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A value this cipher cannot open: unknown key id, malformed, or altered (the GCM tag does not match). */
export class ChildCipherError extends Error {
  constructor(reason: string) {
    super(`Cannot decrypt a child's identity field: ${reason}`);
    this.name = 'ChildCipherError';
  }
}

/** Short public fingerprint of a key, written before each value so keys can rotate. */
export function keyIdOf(key: Buffer): string {
  return 'k' + createHash('sha256').update('kindred:child-data-key-id').update(key).digest('hex').slice(0, 8);
}

/** Legal names compare without spaces and in NFKC (full-width letters, compatibility forms). */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}

/** ID numbers compare upper-cased (the check character `x` is `X`). */
export function normaliseIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}

export type BlindIndexKind = 'name' | 'id_number';

/**
 * Encryption at rest of children's identity fields: AES-256-GCM with a fresh
 * 96-bit IV per value, written `<keyId>:<base64(iv | tag | ciphertext)>`.
 * New values use the current key; values under a previous key still open
 * until they are re-encrypted. Blind indexes are HMAC-SHA256 under a key
 * derived (HKDF) from the current key, never the encryption key itself.
 */
export class ChildCipher {
  private readonly currentId: string;
  private readonly keys = new Map<string, Buffer>();
  private readonly indexKey: Buffer;

  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    for (const key of [current, ...previous]) {
      if (key.length !== 32) throw new Error('A child data key must be 32 bytes');
    }
    this.currentId = keyIdOf(current);
    for (const key of previous) this.keys.set(keyIdOf(key), key);
    this.keys.set(this.currentId, current);
    this.indexKey = Buffer.from(hkdfSync('sha256', current, Buffer.alloc(0), 'kindred:child-blind-index', 32));
  }

  get keyId(): string {
    return this.currentId;
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId)!, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${this.currentId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(value: string): string {
    const colon = value.indexOf(':');
    if (colon <= 0) throw new ChildCipherError('no key id');
    const key = this.keys.get(value.slice(0, colon));
    if (!key) throw new ChildCipherError('unknown key id');
    const raw = Buffer.from(value.slice(colon + 1), 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new ChildCipherError('too short');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new ChildCipherError('altered or wrong key');
    }
  }

  encryptNullable(plaintext: string | null | undefined): string | null {
    return plaintext === null || plaintext === undefined ? null : this.encrypt(plaintext);
  }

  decryptNullable(value: string | null): string | null {
    return value === null ? null : this.decrypt(value);
  }

  /** Whether a stored value was written under an older key (for the rotation task). */
  isStale(value: string): boolean {
    return !value.startsWith(`${this.currentId}:`);
  }

  /** Keyed hash for exact-match search: the value is normalised first, so equal names give equal indexes. */
  blindIndex(kind: BlindIndexKind, value: string): string {
    const normalised = kind === 'name' ? normaliseName(value) : normaliseIdNumber(value);
    return createHmac('sha256', this.indexKey).update(`${kind}:${normalised}`).digest('hex');
  }

  /** Constant-time comparison of two blind indexes. */
  static sameIndex(a: string, b: string): boolean {
    return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  }
}
