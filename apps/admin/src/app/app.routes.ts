import { Routes } from '@angular/router';
import { signedInGuard, signedOutGuard } from './core/auth/auth.guards';

export const appRoutes: Routes = [
  {
    path: 'sign-in',
    canActivate: [signedOutGuard],
    loadChildren: () => import('./features/auth/auth.routes').then((m) => m.signInRoutes),
  },
  {
    path: 'sign-up',
    canActivate: [signedOutGuard],
    loadChildren: () => import('./features/auth/auth.routes').then((m) => m.signUpRoutes),
  },
  {
    // The link in invitation emails (the API builds it from PUBLIC_URL): open signed in or out.
    path: 'invitations',
    loadChildren: () => import('./features/invitations/invitations.routes').then((m) => m.invitationsRoutes),
  },
  {
    path: 'orgs',
    canActivate: [signedInGuard],
    loadChildren: () =>
      import('./features/organizations/organizations.routes').then((m) => m.organizationsRoutes),
  },
  { path: '', pathMatch: 'full', redirectTo: 'orgs' },
  { path: '**', redirectTo: 'orgs' },
];
