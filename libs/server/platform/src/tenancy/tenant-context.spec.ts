import type { EntityManager } from 'typeorm';
import { CallerMissingError, TenantContext, TenantContextMissingError } from './tenant-context';

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
        TenantContext.run({ organizationId, manager, afterCommit: [], atCommit: [] }, async () => {
          await new Promise((r) => setTimeout(r, 30 - i * 10));
          return TenantContext.organizationId();
        }),
      ),
    );
    expect(seen).toEqual(['org-a', 'org-b', 'org-c']);
    expect(TenantContext.isSet()).toBe(false);
  });

  it('carries the caller once it is known, and refuses to invent one', async () => {
    const scope = { organizationId: 'org-a', manager: {} as EntityManager, afterCommit: [], atCommit: [] };
    const caller = { userId: 'user-1', email: 'ada@example.test', roles: ['admin' as const] };
    await TenantContext.run(scope, async () => {
      expect(() => TenantContext.caller()).toThrow(CallerMissingError);
      const seen = await TenantContext.withCaller(caller, async () => {
        TenantContext.afterCommit(() => undefined);
        return { caller: TenantContext.caller(), organizationId: TenantContext.organizationId() };
      });
      expect(seen).toEqual({ caller, organizationId: 'org-a' });
      // Same transaction, same after-commit list: only the caller was added.
      expect(scope.afterCommit).toHaveLength(1);
    });
  });
});
