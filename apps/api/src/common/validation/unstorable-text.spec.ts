import { findUnstorableText } from './unstorable-text';

describe('findUnstorableText', () => {
  it('should name the nested path when a string holds NUL or a lone surrogate', () => {
    const body = { title: 'ok', items: [{ name: 'a' }, { name: 'b\u0000c' }], note: { text: 'x\ud800' } };
    expect(findUnstorableText(body)).toEqual([
      { field: 'items[1].name', message: 'must not contain the NUL character (U+0000)', code: 'unstorable_text' },
      { field: 'note.text', message: 'must not contain an unpaired UTF-16 surrogate', code: 'unstorable_text' },
    ]);
  });

  it('should accept paired surrogates (emoji) and ordinary Chinese text', () => {
    expect(findUnstorableText({ a: '留守儿童 😀', b: ['\ud83d\ude00'] })).toEqual([]);
  });

  it('should prefix the argument name when the pipe checks a named parameter', () => {
    expect(findUnstorableText('\udc00', 'id')).toEqual([{ field: 'id', message: 'must not contain an unpaired UTF-16 surrogate', code: 'unstorable_text' }]);
  });

  it('should refuse a field name that holds NUL', () => {
    expect(findUnstorableText({ 'a\u0000': 1 })).toEqual([
      { field: 'body', message: 'has a field name that must not contain the NUL character (U+0000)', code: 'unstorable_text' },
    ]);
  });

  it('should not overflow the stack when the body is nested very deeply', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(findUnstorableText(deep)).toHaveLength(1);
  });
});
