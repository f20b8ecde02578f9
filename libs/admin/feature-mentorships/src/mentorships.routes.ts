import { Routes } from '@angular/router';

/** `/orgs/:orgId/matches` and `/orgs/:orgId/matches/:matchId`: a person's mentorships and one of them. */
export const mentorshipsRoutes: Routes = [
  {
    path: '',
    title: 'My mentorships · Mentorship Map',
    loadComponent: () => import('./my-mentorships.page').then((m) => m.MyMentorshipsPage),
  },
  {
    path: ':matchId',
    title: 'Mentorship · Mentorship Map',
    loadComponent: () => import('./match.page').then((m) => m.MatchPage),
  },
];
