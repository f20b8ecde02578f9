import { Routes } from '@angular/router';

export const authRoutes: Routes = [
  {
    path: '',
    title: 'Sign in · Mentorship Map',
    loadComponent: () => import('./sign-in.page').then((m) => m.SignInPage),
  },
];
