/**
 * The key that encrypts children's identity fields (AES-256-GCM): 32 bytes,
 * written as 64 hex digits or as base64 / base64url. Returns null for anything
 * else (the caller names the variable, never the value).
 */
export function parseChildDataKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === 32) return bytes;
  }
  return null;
}

/** Previous keys, comma-separated (kept while `npm run children:rotate-key` re-encrypts under the current one). */
export function parseChildDataKeys(text: string): Array<Buffer | null> {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(parseChildDataKey);
}
