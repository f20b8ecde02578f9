import type { EntityManager } from 'typeorm';
import { TenantContext, TenantContextMissingError } from './tenant-context';

describe('TenantContext', () => {
  it('throws when read outside a tenant scope', () => {
    expect(TenantContext.isSet()).toBe(false);
    expect(() => TenantContext.organizationId()).toThrow(TenantContextMissingError);
    expect(() => TenantContext.manager()).toThrow(TenantContextMissingError);
  });

  it('keeps concurrent scopes apart across awaits', async () => {
    const manager = {} as EntityManager;
    const seen = await Promise.all(
      ['org-a', 'org-b', 'org-c'].map((organizationId, i) =>
        TenantContext.run({ organizationId, manager, afterCommit: [] }, async () => {
          await new Promise((r) => setTimeout(r, 30 - i * 10));
          return TenantContext.organizationId();
        }),
      ),
    );
    expect(seen).toEqual(['org-a', 'org-b', 'org-c']);
    expect(TenantContext.isSet()).toBe(false);
  });
});
