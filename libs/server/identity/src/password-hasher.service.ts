import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/**
 * argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). argon2 hashes the
 * whole password, so unlike bcrypt nothing past 72 bytes is silently ignored.
 */
@Injectable()
export class PasswordHasher {
  private static readonly options = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

  hash(password: string): Promise<string> {
    return argon2.hash(password, PasswordHasher.options);
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password);
  }

  /** A hash of nothing anyone knows: verifying against it costs the same as a real account. */
  private dummy?: Promise<string>;
  async verifyAgainstNobody(password: string): Promise<false> {
    this.dummy ??= this.hash('no account has this password ' + Math.random());
    await argon2.verify(await this.dummy, password);
    return false;
  }
}
