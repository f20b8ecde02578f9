import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AgreementTermsDto, AgreementTermsViewDto } from '@mentorship/programs';
import { IsIntIn, Omittable } from '@mentorship/platform';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';

const MAX_VERSION = 1_000_000;

export class EditAgreementDto {
  @ApiPropertyOptional({
    minimum: 1,
    description:
      'The version the editor read; required once the agreement exists (else 409 agreement_version_stale).',
  })
  @Omittable()
  @IsIntIn({ min: 1, max: MAX_VERSION })
  version?: number;

  @ApiProperty({ type: AgreementTermsDto, description: 'The whole terms: fields left out are empty.' })
  @IsObject()
  @ValidateNested()
  @Type(() => AgreementTermsDto)
  terms!: AgreementTermsDto;
}

export class SignAgreementDto {
  @ApiProperty({ minimum: 1, description: 'The version the signer read.' })
  @IsIntIn({ min: 1, max: MAX_VERSION })
  version!: number;
}

export class AgreementSignaturesDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  mentee!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  mentor!: string | null;
}

export class AgreementViewDto {
  @ApiProperty({ format: 'uuid' })
  matchId!: string;
  @ApiProperty({ description: 'Bumped by every edit; an edit clears both signatures.' })
  version!: number;
  @ApiProperty({ type: AgreementTermsViewDto })
  terms!: AgreementTermsViewDto;
  @ApiProperty({ type: AgreementSignaturesDto, description: 'Who signed this version, when.' })
  signatures!: AgreementSignaturesDto;
  @ApiProperty({ description: 'Both signed this version.' })
  signed!: boolean;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null: drafted when the trial ended well.',
  })
  updatedBy!: string | null;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class SignedAgreementVersionDto {
  @ApiProperty()
  version!: number;
  @ApiProperty({ type: AgreementTermsViewDto })
  terms!: AgreementTermsViewDto;
  @ApiProperty({ format: 'date-time' })
  menteeSignedAt!: string;
  @ApiProperty({ format: 'date-time' })
  mentorSignedAt!: string;
}

export class SignedAgreementVersionsDto {
  @ApiProperty({ type: SignedAgreementVersionDto, isArray: true, description: 'Newest first.' })
  items!: SignedAgreementVersionDto[];
}
