import { jsonNestingExceeds } from './json-body';

describe(jsonNestingExceeds.name, () => {
  const exceeds = (text: string, limit: number) => jsonNestingExceeds(Buffer.from(text), limit);

  it('counts arrays and objects, and stops past the limit', () => {
    expect(exceeds('{"a":[[1]]}', 3)).toBe(false);
    expect(exceeds('{"a":[[1]]}', 2)).toBe(true);
    expect(exceeds('[]'.repeat(1000), 1)).toBe(false);
    expect(exceeds('['.repeat(1_000_000), 16)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(exceeds(JSON.stringify({ a: '[[[[{{{{' }), 1)).toBe(false);
    expect(exceeds(JSON.stringify({ a: 'say \\"[[[' }), 1)).toBe(false);
    expect(exceeds(JSON.stringify({ a: '"' }) + '[[', 1)).toBe(true);
  });

  it('reads UTF-8 byte by byte without mistaking multi-byte characters for brackets', () => {
    expect(exceeds(JSON.stringify({ name: 'Zoë 🌱 [ 東京' }), 1)).toBe(false);
  });
});
