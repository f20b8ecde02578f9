import { Routes } from '@angular/router';

export const invitationsRoutes: Routes = [
  {
    // `/invitations/accept?org=<orgId>&token=<token>`: signed out, it offers sign-in or sign-up
    // and is come back to afterwards; signed in, it accepts at once.
    path: 'accept',
    title: 'Invitation · Mentorship Map',
    loadComponent: () => import('./accept-invitation.page').then((m) => m.AcceptInvitationPage),
  },
  { path: '**', redirectTo: '/orgs' },
];
