import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ORGANIZATION_ACCESS } from '@mentorship/platform';
import { AuditModule } from '@mentorship/audit';
import { NotificationsModule } from '@mentorship/notifications';
import { InvitationEntity } from './entities/invitation.entity';
import { MembershipEntity } from './entities/membership.entity';
import { OrganizationEntity } from './entities/organization.entity';
import { InvitationTokens } from './invitation-tokens.service';
import { InvitationPreviewController, InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { InvitationEmailJob } from './jobs/invitation-email.job';
import { OrganizationPurgeJob } from './jobs/organization-purge.job';
import { OrganizationPurgeService } from './organization-purge.service';
import { PurgeCandidateRepository } from './repositories/purge-candidate.repository';
import { MembersController } from './members.controller';
import { MemberDepartures } from './member-departures.service';
import { MembersService } from './members.service';
import { OrganizationRouteAccess } from './organization-route-access.service';
import { OrganizationAccessService } from './organization-access.service';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';
import { InvitationRepository } from './repositories/invitation.repository';
import { MembershipRepository } from './repositories/membership.repository';
import { OrganizationRepository } from './repositories/organization.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([OrganizationEntity, MembershipEntity, InvitationEntity]),
    AuditModule,
    NotificationsModule,
  ],
  controllers: [
    OrganizationsController,
    MembersController,
    InvitationsController,
    InvitationPreviewController,
  ],
  providers: [
    OrganizationsService,
    MembersService,
    MemberDepartures,
    InvitationsService,
    InvitationTokens,
    InvitationEmailJob,
    OrganizationPurgeService,
    OrganizationPurgeJob,
    PurgeCandidateRepository,
    OrganizationRouteAccess,
    // What `TenantRouteGuard` (on every tenant route, in any context) enters organizations with.
    { provide: ORGANIZATION_ACCESS, useExisting: OrganizationRouteAccess },
    OrganizationAccessService,
    OrganizationRepository,
    MembershipRepository,
    InvitationRepository,
  ],
  // Members and invitations serve other contexts too (programs enrolls members and invites by address).
  exports: [
    OrganizationRouteAccess,
    OrganizationAccessService,
    InvitationTokens,
    OrganizationsService,
    OrganizationPurgeService,
    MembersService,
    MemberDepartures,
    InvitationsService,
  ],
})
export class OrganizationsModule {}
