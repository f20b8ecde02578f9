import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Omittable } from '@mentorship/platform';
import type {
  RefreshRequest,
  SessionView,
  SignInRequest,
  SignUpRequest,
  UserView,
} from '@mentorship/contracts';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { NormalizeEmail } from './email.dto';

export class SignUpDto implements SignUpRequest {
  @ApiProperty({ example: 'ada@example.org' })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  /** Length in characters (code points); hashed whole with argon2id, never truncated. */
  @ApiProperty({ minLength: 12, maxLength: 128 })
  @IsString()
  @Length(12, 128)
  password!: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  @IsString()
  @Length(1, 100)
  displayName!: string;
}

export class SignInDto implements SignInRequest {
  @ApiProperty()
  @NormalizeEmail()
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ maxLength: 128 })
  @IsString()
  @Length(1, 128)
  password!: string;
}

export class RefreshDto implements RefreshRequest {
  @ApiPropertyOptional({ description: 'Left out by the browser app, whose token is in the cookie.' })
  @Omittable()
  @IsString()
  @Length(20, 200)
  refreshToken?: string;
}

export class UserViewDto implements UserView {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  email!: string;
  @ApiProperty()
  displayName!: string;
}

export class SessionViewDto implements SessionView {
  @ApiProperty({ type: UserViewDto })
  user!: UserViewDto;
  @ApiProperty({ description: 'Short-lived JWT for the Authorization: Bearer header.' })
  accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires.' })
  expiresIn!: number;
  @ApiPropertyOptional({
    description:
      'Single-use; each refresh returns the next one. Absent for the browser app (`X-Refresh-Cookie: 1`): it travels in the HttpOnly cookie instead.',
  })
  refreshToken?: string;
}
