import { Routes } from '@angular/router';
import { CohortStore } from './cohort.store';

/** `/orgs/:orgId/cohorts`: every cohort for coordinators, one's own for mentors and mentees. */
export const cohortsRoutes: Routes = [
  { path: '', loadComponent: () => import('./cohorts.page').then((m) => m.CohortsPage) },
];

/** `/orgs/:orgId/cohorts/:cohortId`, for coordinators and admins (the guard is the caller's). */
export const cohortRoutes: Routes = [
  {
    path: '',
    // One store per visit; it follows `:cohortId` when another cohort is opened.
    providers: [CohortStore],
    loadComponent: () => import('./cohort.page').then((m) => m.CohortPage),
  },
  {
    // The cohort's bulk matching rounds (feature-rounds), under the same guard.
    path: 'rounds',
    loadChildren: () => import('@mentorship/admin/feature-rounds').then((m) => m.roundsRoutes),
  },
];
