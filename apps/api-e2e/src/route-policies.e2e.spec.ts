import type { ApplicationConfig } from '@nestjs/core';
import { listRoutes, useTestApi } from '@mentorship/testing';

/** Every route is guarded or public on purpose; tenant routes say which roles they need. */
describe('route access policies', () => {
  const t = useTestApi();

  it('finds the routes (the walk itself works)', () => {
    const routes = listRoutes(t.api.app).map((r) => `${r.method} ${r.path}`);
    expect(routes).toEqual(
      expect.arrayContaining(['POST /api/v1/auth/sign-in', 'GET /api/v1/orgs/:orgId/members', 'GET /health']),
    );
    expect(routes.length).toBeGreaterThanOrEqual(15);
  });

  it('has no route without an access policy', () => {
    const unguarded = listRoutes(t.api.app).filter((r) => !r.policy);
    expect(unguarded.map((r) => `${r.method} ${r.path} (${r.handler})`)).toEqual([]);
  });

  it('guards every route under /orgs/:orgId with an organization policy', () => {
    const wrong = listRoutes(t.api.app).filter(
      (r) => r.path.includes(':orgId') && r.policy?.kind !== 'org-member' && r.policy?.kind !== 'org-invitee',
    );
    expect(wrong.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('enters the organization on tenant routes only, once, and runs no interceptor anywhere', () => {
    // Any interceptor costs a route Nest's rxjs chain on every request, so none is installed:
    // a tenant route's policy decorator puts the organization access on that route, as a
    // guard (and its handler runs in the organization the guard entered).
    const config = (t.api.app as unknown as { config: ApplicationConfig }).config;
    expect([...config.getGlobalInterceptors(), ...config.getGlobalRequestInterceptors()]).toEqual([]);
    const routes = listRoutes(t.api.app);
    const isTenant = (kind?: string) => kind === 'org-member' || kind === 'org-invitee';
    const tenantWrong = routes.filter(
      (r) => isTenant(r.policy?.kind) && r.guards.filter((g) => g === 'TenantRouteGuard').length !== 1,
    );
    expect(tenantWrong.map((r) => `${r.method} ${r.path}: ${r.guards.join()}`)).toEqual([]);
    const otherWrong = routes.filter(
      (r) => !isTenant(r.policy?.kind) && r.guards.includes('TenantRouteGuard'),
    );
    expect(otherWrong.map((r) => `${r.method} ${r.path}: ${r.guards.join()}`)).toEqual([]);
    const intercepted = routes.filter((r) => r.interceptors.length > 0);
    expect(intercepted.map((r) => `${r.method} ${r.path}: ${r.interceptors.join()}`)).toEqual([]);
    expect(routes.filter((r) => isTenant(r.policy?.kind)).length).toBeGreaterThan(40);
  });

  it('keeps the public surface to the known entry points', () => {
    const publicRoutes = listRoutes(t.api.app)
      .filter((r) => r.policy?.kind === 'public')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(publicRoutes).toEqual([
      // The unsubscribe link of notification emails: its signed token is the credential.
      'GET /api/v1/unsubscribe/:token',
      'GET /health',
      'GET /ready',
      'POST /api/v1/auth/password-reset',
      'POST /api/v1/auth/password-reset/confirm',
      'POST /api/v1/auth/refresh',
      'POST /api/v1/auth/sign-in',
      'POST /api/v1/auth/sign-out',
      'POST /api/v1/auth/sign-up',
      'POST /api/v1/invitations/preview',
      'POST /api/v1/unsubscribe/:token',
    ]);
  });
});
