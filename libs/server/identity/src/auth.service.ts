import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SessionViewDto, SignInDto, SignUpDto, UserViewDto } from './dto/auth.dto';
import { UserEntity } from './entities/user.entity';
import { IdentityException } from './identity.exception';
import { PasswordHasher } from './password-hasher.service';
import { UserRepository } from './repositories/user.repository';
import { SignInLimiter } from './sign-in-limiter.service';
import { TokenService } from './token.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly limiter: SignInLimiter,
  ) {}

  async signUp(input: SignUpDto): Promise<SessionViewDto> {
    return this.tokens.startSession(await this.register(input));
  }

  /** Creates the account (no session): sign-up, and the demo seed, go through here. */
  async register(input: SignUpDto): Promise<UserEntity> {
    const user = Object.assign(new UserEntity(), {
      id: randomUUID(),
      email: input.email,
      displayName: input.displayName.trim(),
      passwordHash: await this.hasher.hash(input.password),
    });
    if (!(await this.users.addUnlessEmailTaken(user))) throw IdentityException.emailTaken();
    return user;
  }

  async signIn(input: SignInDto, address: string): Promise<SessionViewDto> {
    await this.limiter.assertAllowed(input.email, address);
    const user = await this.users.findByEmailWithPasswordHash(input.email);
    // Same work whether or not the account exists, so timing does not reveal accounts.
    const valid = user
      ? await this.hasher.verify(user.passwordHash, input.password)
      : await this.hasher.verifyAgainstNobody(input.password);
    if (!user || !valid) {
      await this.limiter.recordFailure(input.email, address);
      throw IdentityException.invalidCredentials();
    }
    await this.limiter.recordSuccess(input.email);
    return this.tokens.startSession(user);
  }

  refresh(refreshToken: string): Promise<SessionViewDto> {
    return this.tokens.rotate(refreshToken);
  }

  signOut(refreshToken: string): Promise<void> {
    return this.tokens.revoke(refreshToken);
  }

  /** The account with this (normalized) address, if there is one. */
  async accountOf(email: string): Promise<UserViewDto | null> {
    const user = await this.users.findByEmail(email);
    return user && { id: user.id, email: user.email, displayName: user.displayName };
  }

  async me(userId: string): Promise<UserViewDto> {
    const user = await this.users.findById(userId);
    if (!user) throw IdentityException.userNotFound();
    return { id: user.id, email: user.email, displayName: user.displayName };
  }
}
