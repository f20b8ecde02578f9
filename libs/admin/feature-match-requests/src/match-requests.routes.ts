import { Routes } from '@angular/router';

/** `/orgs/:orgId/cohorts/:cohortId/mentors`: a mentee's suggested mentors and the request form. */
export const findMentorRoutes: Routes = [
  { path: '', loadComponent: () => import('./find-mentor.page').then((m) => m.FindMentorPage) },
];

/** `/orgs/:orgId/requests/sent` and `/received`: a mentee's requests, and those to a mentor. */
export const matchRequestsRoutes: Routes = [
  {
    path: 'sent',
    title: 'My requests · Mentorship Map',
    loadComponent: () => import('./my-requests.page').then((m) => m.MyRequestsPage),
  },
  {
    path: 'received',
    title: 'Requests to me · Mentorship Map',
    loadComponent: () => import('./requests-to-me.page').then((m) => m.RequestsToMePage),
  },
];
