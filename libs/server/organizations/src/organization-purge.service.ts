import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@mentorship/audit';
import { TenancyService } from '@mentorship/platform';
import { OrganizationsAudit } from './organizations.audit';
import { OrganizationRepository } from './repositories/organization.repository';
import { PurgeCandidateRepository } from './repositories/purge-candidate.repository';

/**
 * Erases, for good, the organizations whose grace period is over by `dueAt`: each in one
 * transaction of its own tenant (every tenant table's rows, found from the catalog, then the
 * organization's row), with its row in the system audit log in the same transaction. Safe to
 * run twice or at once on two workers: the purge locks the organization and checks again that
 * it is due, so the second finds nothing.
 */
@Injectable()
export class OrganizationPurgeService {
  private readonly logger = new Logger(OrganizationPurgeService.name);

  constructor(
    private readonly tenancy: TenancyService,
    private readonly audit: AuditService,
    private readonly candidates: PurgeCandidateRepository,
    private readonly organizations: OrganizationRepository,
  ) {}

  /** The ids purged now; `dueAt` is the clock (a tick's instant), so tests need no waiting. */
  async purgeDue(dueAt: Date): Promise<string[]> {
    const purged: string[] = [];
    for (const organizationId of await this.candidates.dueBy(dueAt)) {
      const counts = await this.tenancy.runInTenant(organizationId, async () => {
        const deleted = await this.organizations.purgeIfDue(dueAt);
        if (deleted)
          await this.audit.recordSystem({
            action: OrganizationsAudit.organizationPurged,
            target: { type: 'organization', id: organizationId },
            details: { dueAt: dueAt.toISOString(), ...deleted },
          });
        return deleted;
      });
      if (counts) {
        purged.push(organizationId);
        this.logger.log(`purged organization ${organizationId}`);
      }
    }
    return purged;
  }
}
