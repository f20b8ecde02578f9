import { inject } from '@angular/core';
import { type ActivatedRouteSnapshot, CanActivateFn, Router, type UrlTree } from '@angular/router';
import type { OrganizationRole, OrganizationView } from '@mentorship/contracts';
import { catchError, map, of, type Observable } from 'rxjs';
import { ErrorNotifier } from '@mentorship/admin/ui';
import { OrganizationStore, organizationLanding } from '@mentorship/admin/data-access-organizations';

/** `/orgs` opens the remembered organization; with none, the page to create one is shown. */
export const openPreferredOrganizationGuard: CanActivateFn = () => {
  const store = inject(OrganizationStore);
  const router = inject(Router);
  const notifier = inject(ErrorNotifier);
  return store.ensureLoaded().pipe(
    map(() => {
      const preferred = store.preferred();
      return preferred
        ? router.createUrlTree(organizationLanding(preferred.id, preferred.roles, !!preferred.deletion))
        : true;
    }),
    catchError((error: unknown) => {
      notifier.show(error);
      return of(true);
    }),
  );
};

/**
 * `/orgs/:orgId/...` is open only for the user's own organizations (the API answers 404 for
 * others anyway); entering one makes it the current, remembered organization.
 */
export const organizationMemberGuard: CanActivateFn = (route) => {
  const store = inject(OrganizationStore);
  const router = inject(Router);
  const notifier = inject(ErrorNotifier);
  const orgId = route.paramMap.get('orgId');
  return store.ensureLoaded().pipe(
    map((organizations) => {
      if (!organizations.some((org) => org.id === orgId) || !orgId) return router.createUrlTree(['/orgs']);
      store.select(orgId);
      return true;
    }),
    catchError((error: unknown) => {
      notifier.show(error);
      return of(router.createUrlTree(['/orgs']));
    }),
  );
};

/**
 * Decides a route of one organization once the user's organizations are loaded: `decide` gets
 * the route's organization, or null when it is not one of theirs. When the list cannot be loaded,
 * the way out is the organizations' own page.
 */
function decideForRouteOrganization(
  route: ActivatedRouteSnapshot,
  decide: (org: OrganizationView | null, router: Router) => boolean | UrlTree,
): Observable<boolean | UrlTree> {
  const store = inject(OrganizationStore);
  const router = inject(Router);
  const orgId = route.paramMap.get('orgId');
  return store.ensureLoaded().pipe(
    map(() => decide(store.find(orgId), router)),
    catchError(() => of(router.createUrlTree(['/orgs']))),
  );
}

/** `/orgs/:orgId` itself: the members page for admins and coordinators, else the home page. */
export const organizationLandingGuard: CanActivateFn = (route) =>
  decideForRouteOrganization(route, (org, router) =>
    router.createUrlTree(org ? organizationLanding(org.id, org.roles, !!org.deletion) : ['/orgs']),
  );

/**
 * A page of an organization that needs one of `roles` (mirroring the API's own rule); anyone
 * else is sent to the organization's home page rather than shown a page of 403s, and so is
 * everyone while the organization is scheduled for deletion.
 */
export function organizationRoleGuard(...roles: OrganizationRole[]): CanActivateFn {
  return (route) =>
    decideForRouteOrganization(route, (org, router) => {
      if (!org) return router.createUrlTree(['/orgs']);
      // Scheduled for deletion: only its home page (to restore it) is open.
      return org.roles.some((role) => roles.includes(role)) && !org.deletion
        ? true
        : router.createUrlTree(['/orgs', org.id, 'home']);
    });
}
