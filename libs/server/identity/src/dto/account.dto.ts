import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  ChangePasswordRequest,
  ConfirmPasswordResetRequest,
  PasswordResetRequest,
  UpdateMeRequest,
} from '@mentorship/contracts';
import { FIELD_LIMITS } from '@mentorship/contracts';
import { Omittable } from '@mentorship/platform';
import { IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';
import { NormalizeEmail } from './email.dto';

const { password, displayName } = FIELD_LIMITS;

export class PasswordResetRequestDto implements PasswordResetRequest {
  @ApiProperty({ example: 'ada@example.org' })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(FIELD_LIMITS.email.max)
  email!: string;
}

export class ConfirmPasswordResetDto implements ConfirmPasswordResetRequest {
  @ApiProperty({ description: "The emailed link's `token`." })
  @IsString()
  @Length(20, 200)
  token!: string;

  @ApiProperty({ minLength: password.min, maxLength: password.max })
  @IsString()
  @Length(password.min, password.max)
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ maxLength: password.max })
  @IsString()
  @Length(1, password.max)
  currentPassword!: string;

  @ApiProperty({ minLength: password.min, maxLength: password.max })
  @IsString()
  @Length(password.min, password.max)
  newPassword!: string;
}

export class UpdateMeDto implements UpdateMeRequest {
  @ApiPropertyOptional({ example: 'Ada Lovelace', minLength: displayName.min, maxLength: displayName.max })
  @Omittable()
  @IsString()
  @Length(displayName.min, displayName.max)
  @Matches(/\S/, { message: 'displayName must not be blank' })
  displayName?: string;
}
