import { Routes } from '@angular/router';

export const signInRoutes: Routes = [
  {
    path: '',
    title: 'Sign in · Mentorship Map',
    loadComponent: () => import('./sign-in.page').then((m) => m.SignInPage),
  },
];

export const signUpRoutes: Routes = [
  {
    path: '',
    title: 'Create your account · Mentorship Map',
    loadComponent: () => import('./sign-up.page').then((m) => m.SignUpPage),
  },
];
