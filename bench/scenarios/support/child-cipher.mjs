// The children's cipher as apps/api/src/modules/children/child-cipher.ts writes it, for scenarios that generate
// children with SQL and for their baselines: AES-256-GCM values `<keyId>:<base64(iv | tag | ciphertext)>`, and
// blind indexes HMAC-SHA256 under a key derived with HKDF from the data key.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export function childCipher(hexKey) {
  const key = Buffer.from(hexKey, 'hex');
  const keyId = 'k' + createHash('sha256').update('kindred:child-data-key-id').update(key).digest('hex').slice(0, 8);
  const indexKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'kindred:child-blind-index', 32));
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${keyId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(value) {
      const raw = Buffer.from(value.slice(value.indexOf(':') + 1), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    blindIndex(kind, value) {
      const normalised = kind === 'name' ? value.normalize('NFKC').replace(/\s+/gu, '') : value.trim().toUpperCase();
      return createHmac('sha256', indexKey).update(`${kind}:${normalised}`).digest('hex');
    },
  };
}
