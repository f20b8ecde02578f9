import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ORGANIZATION_ROLES,
  type AcceptInvitationRequest,
  type ChangeMemberRolesRequest,
  type CreateOrganizationRequest,
  type InvitationPreview,
  type InvitationPreviewRequest,
  type InvitationView,
  type InviteMemberRequest,
  type MemberView,
  type OrganizationRole,
  type OrganizationView,
  type RenameOrganizationRequest,
  type ScheduleOrganizationDeletionRequest,
} from '@mentorship/contracts';
import { NormalizeEmail } from '@mentorship/identity';
import { PageOf, PageQueryDto } from '@mentorship/platform';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateOrganizationDto implements CreateOrganizationRequest {
  @ApiProperty({ example: 'Acme Engineering' })
  @Transform(trim)
  @IsString()
  @Length(2, 120)
  name!: string;
}

export class RenameOrganizationDto implements RenameOrganizationRequest {
  @ApiProperty({ example: 'Acme Engineering' })
  @Transform(trim)
  @IsString()
  @Length(2, 120)
  name!: string;
}

export class OrganizationDeletionDto {
  @ApiProperty({ format: 'date-time', description: 'When an admin scheduled the deletion.' })
  scheduledAt!: string;
  @ApiProperty({
    format: 'date-time',
    description: 'The end of the grace period: until then an admin can restore it; then its data is erased.',
  })
  purgeAfter!: string;
}

/** The organization's exact name, typed by the admin who deletes it. */
export class ScheduleOrganizationDeletionDto implements ScheduleOrganizationDeletionRequest {
  @ApiProperty({ example: 'Acme Engineering', description: "The organization's name, exactly as it is." })
  @IsString()
  @MaxLength(200)
  confirmName!: string;
}

export class OrganizationViewDto implements OrganizationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ enum: ORGANIZATION_ROLES, isArray: true, description: "The caller's roles." })
  roles!: OrganizationRole[];
  @ApiProperty({ format: 'date-time', description: 'Tells apart two organizations of one name.' })
  createdAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the caller last opened it (POST /orgs/{orgId}/visits); null: not yet.',
  })
  lastUsedAt!: string | null;
  @ApiProperty({
    type: OrganizationDeletionDto,
    nullable: true,
    description: 'Set while scheduled for deletion (only its admins still see it); null otherwise.',
  })
  deletion!: OrganizationDeletionDto | null;
}

export class OrganizationListDto {
  @ApiProperty({ type: OrganizationViewDto, isArray: true })
  items!: OrganizationViewDto[];
}

export class RolesDto implements ChangeMemberRolesRequest {
  @ApiProperty({ enum: ORGANIZATION_ROLES, isArray: true, minItems: 1 })
  @ArrayMinSize(1)
  @ArrayMaxSize(ORGANIZATION_ROLES.length)
  @ArrayUnique()
  @IsIn(ORGANIZATION_ROLES, { each: true })
  roles!: OrganizationRole[];
}

export class MemberQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORGANIZATION_ROLES })
  @IsOptional()
  @IsIn(ORGANIZATION_ROLES)
  role?: OrganizationRole;
}

export class MemberViewDto implements MemberView {
  @ApiProperty({ format: 'uuid' })
  userId!: string;
  @ApiProperty()
  email!: string;
  @ApiProperty()
  displayName!: string;
  @ApiProperty({ enum: ORGANIZATION_ROLES, isArray: true })
  roles!: OrganizationRole[];
  @ApiProperty({ format: 'date-time' })
  joinedAt!: string;
}

export class MemberPageDto extends PageOf(MemberViewDto) {}

export class InviteMemberDto extends RolesDto implements InviteMemberRequest {
  @ApiProperty({ example: 'grace@example.org' })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;

export class InvitationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INVITATION_STATUSES })
  @IsOptional()
  @IsIn(INVITATION_STATUSES)
  status?: (typeof INVITATION_STATUSES)[number];
}

export class InvitationViewDto implements InvitationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  email!: string;
  @ApiProperty({ enum: ORGANIZATION_ROLES, isArray: true })
  roles!: OrganizationRole[];
  @ApiProperty({ enum: ['pending', 'accepted', 'revoked', 'expired'] })
  status!: InvitationView['status'];
  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class InvitationPageDto extends PageOf(InvitationViewDto) {}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty()
  @IsString()
  @Length(10, 200)
  token!: string;
}

export class InvitationPreviewRequestDto implements InvitationPreviewRequest {
  @ApiProperty({ format: 'uuid', description: "The link's `org`." })
  @IsUUID()
  organizationId!: string;
  @ApiProperty({ description: "The link's `token`." })
  @IsString()
  @Length(10, 200)
  token!: string;
}

export class InvitationPreviewDto implements InvitationPreview {
  @ApiProperty({ example: 'Acme Engineering' })
  organizationName!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The inviter's name; null when their account is gone.",
  })
  invitedBy!: string | null;
  @ApiProperty({ enum: ORGANIZATION_ROLES, isArray: true, description: 'The roles offered.' })
  roles!: OrganizationRole[];
  @ApiProperty({ enum: ['pending', 'accepted', 'expired'] })
  status!: 'pending' | 'accepted' | 'expired';
  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}
