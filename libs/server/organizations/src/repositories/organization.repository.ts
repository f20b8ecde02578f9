import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { OrganizationEntity } from '../entities/organization.entity';

/** The tenant's own row: isolated by its id, which is the tenant's. */
@Injectable()
export class OrganizationRepository extends TenantRepository<OrganizationEntity, 'id'> {
  constructor() {
    super(OrganizationEntity, 'id');
  }

  /** Creates the current tenant's row. */
  create(name: string, createdAt: Date): Promise<void> {
    return this.insert({ name, createdAt });
  }

  rename(name: string): Promise<void> {
    return this.update({}, { name });
  }

  async current(): Promise<OrganizationEntity> {
    const organization = await this.findOne({});
    if (!organization) throw new Error('The tenant has no organization row');
    return organization;
  }
}
