import { randomBytes } from 'node:crypto';
import { ChildCipher, ChildCipherError, keyIdOf, normaliseName } from './child-cipher';

describe('ChildCipher', () => {
  const key = randomBytes(32);
  const cipher = new ChildCipher(key);

  it('should return the plaintext when a value it encrypted is decrypted', () => {
    const stored = cipher.encrypt('李小明');
    expect(cipher.decrypt(stored)).toBe('李小明');
  });

  it('should prefix the key id and never contain the plaintext when encrypting', () => {
    const stored = cipher.encrypt('430523201504120012');
    expect(stored.startsWith(`${keyIdOf(key)}:`)).toBe(true);
    expect(stored).not.toContain('430523201504120012');
    expect(cipher.encrypt('430523201504120012')).not.toBe(stored);
  });

  it('should refuse a value when one byte of its ciphertext was altered', () => {
    const stored = cipher.encrypt('王秀英');
    const [kid, body] = stored.split(':');
    const raw = Buffer.from(body, 'base64');
    raw[raw.length - 1] ^= 0x01;
    expect(() => cipher.decrypt(`${kid}:${raw.toString('base64')}`)).toThrow(ChildCipherError);
  });

  it('should refuse a value when its key id is unknown', () => {
    const other = new ChildCipher(randomBytes(32));
    expect(() => cipher.decrypt(other.encrypt('张三'))).toThrow(/unknown key id/);
  });

  it('should read values of a previous key and write under the current one when keys rotate', () => {
    const next = randomBytes(32);
    const old = cipher.encrypt('李小明');
    const rotated = new ChildCipher(next, [key]);
    expect(rotated.decrypt(old)).toBe('李小明');
    expect(rotated.isStale(old)).toBe(true);
    expect(rotated.encrypt('李小明').startsWith(`${keyIdOf(next)}:`)).toBe(true);
  });

  it('should give equal blind indexes when names differ only in spaces and width', () => {
    expect(cipher.blindIndex('name', ' 李 小明 ')).toBe(cipher.blindIndex('name', '李小明'));
    expect(cipher.blindIndex('name', 'ＡＢ')).toBe(cipher.blindIndex('name', 'AB'));
    expect(normaliseName(' 李\u3000小明')).toBe('李小明');
    expect(cipher.blindIndex('id_number', '43052320150412001x')).toBe(cipher.blindIndex('id_number', '43052320150412001X'));
  });

  it('should give different blind indexes when the key or the kind differs', () => {
    expect(new ChildCipher(randomBytes(32)).blindIndex('name', '李小明')).not.toBe(cipher.blindIndex('name', '李小明'));
    expect(cipher.blindIndex('id_number', '1')).not.toBe(cipher.blindIndex('name', '1'));
  });

  it('should refuse a key when it is not 32 bytes', () => {
    expect(() => new ChildCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});
