import { inlineParameters } from './inline-parameters';

describe(inlineParameters.name, () => {
  it('puts each parameter in as the quoted text pg would bind', () => {
    expect(
      inlineParameters('SELECT $1::uuid, $2, $3, $10, $4::timestamptz, $5::text[], $6', [
        '5b4c1a0e-0000-4000-8000-000000000001',
        "O'Brien \\ co",
        3,
        new Date('2026-03-29T01:30:00Z'),
        ['a', 'say "hi"', null],
        null,
        true,
        false,
        -1.5,
        'tenth',
      ]),
    ).toBe(
      // pg's escapeLiteral writes a string with a backslash as E'...', after a space.
      "SELECT '5b4c1a0e-0000-4000-8000-000000000001'::uuid,  E'O''Brien \\\\ co', '3', 'tenth', " +
        `'2026-03-29T01:30:00.000Z'::timestamptz,  E'{"a","say \\\\"hi\\\\"",NULL}'::text[], NULL`,
    );
  });

  it('refuses what it cannot write as a literal, and a parameter not given', () => {
    expect(() => inlineParameters('SELECT $1', [{ an: 'object' }])).toThrow(/no SQL literal/);
    expect(() => inlineParameters('SELECT $1', [Number.NaN])).toThrow(/no SQL literal/);
    expect(() => inlineParameters('SELECT $2', ['one'])).toThrow(/no parameter \$2/);
  });
});
