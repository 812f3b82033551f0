import { REDACTED, scrubText } from './redact';

describe('scrubText', () => {
  it('should remove mobile numbers, e-mail addresses and tokens from free text', () => {
    const text = 'login 13800138000 / +86 139-0000-0000? no: li.hua@example.cn Bearer abc.def eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    const scrubbed = scrubText(text);
    expect(scrubbed).not.toMatch(/13800138000|example\.cn|eyJ/);
    expect(scrubbed).toContain(REDACTED);
  });

  it('should leave ids alone when hex digits inside them look like a mobile number', () => {
    const id = 'b5038949-3e11-4d51-a1d6-d14655098979';
    expect(scrubText(`signup ${id} at 1795931520130`)).toBe(`signup ${id} at 1795931520130`);
  });
});
