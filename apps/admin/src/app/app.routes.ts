import { Routes } from '@angular/router';
import { signedInGuard, signedOutGuard } from '@mentorship/admin/data-access-identity';

/** The app composes the feature libraries; each is loaded when its first page is opened. */
export const appRoutes: Routes = [
  {
    path: 'sign-in',
    canActivate: [signedOutGuard],
    loadChildren: () => import('@mentorship/admin/feature-auth').then((m) => m.signInRoutes),
  },
  {
    path: 'sign-up',
    canActivate: [signedOutGuard],
    loadChildren: () => import('@mentorship/admin/feature-auth').then((m) => m.signUpRoutes),
  },
  {
    path: 'forgot-password',
    canActivate: [signedOutGuard],
    loadChildren: () => import('@mentorship/admin/feature-auth').then((m) => m.forgotPasswordRoutes),
  },
  {
    // The link in password-reset emails (built from PUBLIC_URL): works signed in or out.
    path: 'reset-password',
    loadChildren: () => import('@mentorship/admin/feature-auth').then((m) => m.resetPasswordRoutes),
  },
  {
    path: 'account',
    canActivate: [signedInGuard],
    loadChildren: () => import('@mentorship/admin/feature-auth').then((m) => m.accountRoutes),
  },
  {
    // The link in invitation emails (the API builds it from PUBLIC_URL): open signed in or out.
    path: 'invitations',
    loadChildren: () => import('@mentorship/admin/feature-invitations').then((m) => m.invitationsRoutes),
  },
  {
    // The unsubscribe link of notification emails (built from PUBLIC_URL): works signed in or out.
    path: 'unsubscribe',
    loadChildren: () => import('@mentorship/admin/feature-notifications').then((m) => m.unsubscribeRoutes),
  },
  {
    path: 'orgs',
    canActivate: [signedInGuard],
    loadChildren: () => import('@mentorship/admin/feature-organizations').then((m) => m.organizationsRoutes),
  },
  { path: '', pathMatch: 'full', redirectTo: 'orgs' },
  { path: '**', redirectTo: 'orgs' },
];
