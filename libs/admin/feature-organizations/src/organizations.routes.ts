import { Routes } from '@angular/router';
import { MEMBER_MANAGER_ROLES, PROGRAM_MANAGER_ROLES } from '@mentorship/admin/data-access-organizations';
import {
  openPreferredOrganizationGuard,
  organizationLandingGuard,
  organizationMemberGuard,
  organizationRoleGuard,
} from './organization.guards';

const createOrganizationPage = () =>
  import('./create-organization.page').then((m) => m.CreateOrganizationPage);

export const organizationsRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Organizations · Mentorship Map',
    canActivate: [openPreferredOrganizationGuard],
    loadComponent: createOrganizationPage,
  },
  { path: 'new', title: 'New organization · Mentorship Map', loadComponent: createOrganizationPage },
  {
    path: ':orgId',
    canActivate: [organizationMemberGuard],
    children: [
      // Never shown: the guard always redirects to the page that fits the person's roles.
      { path: '', pathMatch: 'full', canActivate: [organizationLandingGuard], children: [] },
      {
        path: 'home',
        title: 'Home · Mentorship Map',
        loadChildren: () => import('@mentorship/admin/feature-home').then((m) => m.homeRoutes),
      },
      {
        path: 'members',
        title: 'Members · Mentorship Map',
        canActivate: [organizationRoleGuard(...MEMBER_MANAGER_ROLES)],
        loadChildren: () => import('@mentorship/admin/feature-members').then((m) => m.membersRoutes),
      },
      {
        path: 'programs',
        title: 'Programs · Mentorship Map',
        canActivate: [organizationRoleGuard(...PROGRAM_MANAGER_ROLES)],
        loadChildren: () => import('@mentorship/admin/feature-programs').then((m) => m.programsRoutes),
      },
      {
        // Before `cohorts/:cohortId` (coordinators only): any enrolled mentee finds a mentor here.
        path: 'cohorts/:cohortId/mentors',
        title: 'Find a mentor · Mentorship Map',
        loadChildren: () =>
          import('@mentorship/admin/feature-match-requests').then((m) => m.findMentorRoutes),
      },
      {
        // What a request allows follows from the person's part in it: the API decides, not a role guard.
        path: 'requests',
        loadChildren: () =>
          import('@mentorship/admin/feature-match-requests').then((m) => m.matchRequestsRoutes),
      },
      {
        // A match is open to its two sides and coordinators: the API answers 404 to anyone else.
        path: 'matches',
        loadChildren: () => import('@mentorship/admin/feature-mentorships').then((m) => m.mentorshipsRoutes),
      },
      {
        // A member's own board; a coordinator opens anyone's (the API answers 404 otherwise).
        path: 'board',
        loadChildren: () =>
          import('@mentorship/admin/feature-mentorships').then((m) => m.personalBoardRoutes),
      },
      {
        path: 'attention',
        canActivate: [organizationRoleGuard(...PROGRAM_MANAGER_ROLES)],
        loadChildren: () =>
          import('@mentorship/admin/feature-mentorships').then((m) => m.needsAttentionRoutes),
      },
      {
        path: 'cohorts/:cohortId/matches',
        canActivate: [organizationRoleGuard(...PROGRAM_MANAGER_ROLES)],
        loadChildren: () =>
          import('@mentorship/admin/feature-mentorships').then((m) => m.cohortMatchesRoutes),
      },
      {
        path: 'cohorts/:cohortId/feedback',
        canActivate: [organizationRoleGuard(...PROGRAM_MANAGER_ROLES)],
        loadChildren: () =>
          import('@mentorship/admin/feature-mentorships').then((m) => m.cohortFeedbackRoutes),
      },
      {
        path: 'cohorts/:cohortId',
        title: 'Cohort · Mentorship Map',
        canActivate: [organizationRoleGuard(...PROGRAM_MANAGER_ROLES)],
        loadChildren: () => import('@mentorship/admin/feature-cohorts').then((m) => m.cohortRoutes),
      },
      {
        // Coordinators and admins run every cohort; mentors and mentees see theirs.
        path: 'cohorts',
        title: 'Cohorts · Mentorship Map',
        loadChildren: () => import('@mentorship/admin/feature-cohorts').then((m) => m.cohortsRoutes),
      },
      {
        path: 'skills',
        title: 'Skills · Mentorship Map',
        canActivate: [organizationRoleGuard(...PROGRAM_MANAGER_ROLES)],
        loadChildren: () => import('@mentorship/admin/feature-skills').then((m) => m.skillsRoutes),
      },
      {
        path: 'analytics',
        title: 'Analytics · Mentorship Map',
        canActivate: [organizationRoleGuard(...PROGRAM_MANAGER_ROLES)],
        loadChildren: () => import('@mentorship/admin/feature-analytics').then((m) => m.analyticsRoutes),
      },
      {
        path: 'profile',
        title: 'My profile · Mentorship Map',
        loadChildren: () => import('@mentorship/admin/feature-profile').then((m) => m.profileRoutes),
      },
      {
        path: 'email-deliveries',
        title: 'Email delivery log · Mentorship Map',
        canActivate: [organizationRoleGuard('admin')],
        loadChildren: () =>
          import('@mentorship/admin/feature-notifications').then((m) => m.emailDeliveriesRoutes),
      },
      {
        path: 'notifications',
        title: 'Notifications · Mentorship Map',
        loadChildren: () =>
          import('@mentorship/admin/feature-notifications').then((m) => m.notificationsRoutes),
      },
    ],
  },
];
