import { Routes } from '@angular/router';
import { signedInGuard, signedOutGuard } from './core/auth/auth.guards';

export const appRoutes: Routes = [
  {
    path: 'sign-in',
    canActivate: [signedOutGuard],
    loadChildren: () => import('./features/auth/auth.routes').then((m) => m.authRoutes),
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
