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

/** `/orgs/:orgId/board`: the caller's personal board; `board/:userId`: a mentee's, for coordinators. */
export const personalBoardRoutes: Routes = [
  {
    path: '',
    title: 'My personal board · Mentorship Map',
    loadComponent: () => import('./personal-board.page').then((m) => m.PersonalBoardPage),
  },
  {
    path: ':userId',
    title: 'Personal board · Mentorship Map',
    loadComponent: () => import('./personal-board.page').then((m) => m.PersonalBoardPage),
  },
];

/** `/orgs/:orgId/attention`: the coordinator's list of pairs that need a look. */
export const needsAttentionRoutes: Routes = [
  {
    path: '',
    title: 'Needs attention · Mentorship Map',
    loadComponent: () => import('./needs-attention.page').then((m) => m.NeedsAttentionPage),
  },
];

/** `/orgs/:orgId/cohorts/:cohortId/matches`: every match of a cohort, for its coordinators. */
export const cohortMatchesRoutes: Routes = [
  {
    path: '',
    title: 'Matches of the cohort · Mentorship Map',
    loadComponent: () => import('./cohort-matches.page').then((m) => m.CohortMatchesPage),
  },
];

/** `/orgs/:orgId/cohorts/:cohortId/feedback`: a cohort's feedback in aggregate, for its coordinators. */
export const cohortFeedbackRoutes: Routes = [
  {
    path: '',
    title: 'Feedback of the cohort · Mentorship Map',
    loadComponent: () => import('./cohort-feedback.page').then((m) => m.CohortFeedbackPage),
  },
];
