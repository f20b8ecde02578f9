import { Routes } from '@angular/router';
import { RoundStore } from './round.store';

const roundPage = () => import('./round.page').then((m) => m.RoundPage);

/**
 * `/orgs/:orgId/cohorts/:cohortId/rounds[/:roundId]`, for coordinators and admins (the cohort
 * route's guard): one store for the visit, which follows the round in the URL.
 */
export const roundsRoutes: Routes = [
  {
    path: '',
    providers: [RoundStore],
    children: [
      { path: '', title: 'Matching round · Mentorship Map', loadComponent: roundPage },
      { path: ':roundId', title: 'Matching round · Mentorship Map', loadComponent: roundPage },
    ],
  },
];
