import { PasswordHasher } from './password-hasher.service';

describe(PasswordHasher.name, () => {
  const hasher = new PasswordHasher();

  it('hashes with argon2id and verifies', async () => {
    const hash = await hasher.hash('a long enough password');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hasher.verify(hash, 'a long enough password')).toBe(true);
    expect(await hasher.verify(hash, 'a long enough passworD')).toBe(false);
  });

  it('uses every byte of a long password (no bcrypt-style truncation)', async () => {
    const long = 'é'.repeat(127);
    const hash = await hasher.hash(long + 'x');
    expect(await hasher.verify(hash, long + 'y')).toBe(false);
  });

  it('answers false for unknown accounts', async () => {
    expect(await hasher.verifyAgainstNobody('anything at all')).toBe(false);
  });
});
