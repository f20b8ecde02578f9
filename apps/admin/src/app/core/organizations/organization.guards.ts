import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { catchError, map, of } from 'rxjs';
import { ErrorNotifier } from '../errors/error-notifier';
import { OrganizationStore } from './organization.store';

/** `/orgs` opens the remembered organization; with none, the page to create one is shown. */
export const openPreferredOrganizationGuard: CanActivateFn = () => {
  const store = inject(OrganizationStore);
  const router = inject(Router);
  const notifier = inject(ErrorNotifier);
  return store.ensureLoaded().pipe(
    map(() => {
      const preferred = store.preferred();
      return preferred ? router.createUrlTree(['/orgs', preferred.id, 'members']) : true;
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
