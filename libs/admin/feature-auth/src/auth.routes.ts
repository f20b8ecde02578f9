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

export const forgotPasswordRoutes: Routes = [
  {
    path: '',
    title: 'Reset your password · Mentorship Map',
    loadComponent: () => import('./forgot-password.page').then((m) => m.ForgotPasswordPage),
  },
];

export const resetPasswordRoutes: Routes = [
  {
    path: '',
    title: 'Choose a new password · Mentorship Map',
    loadComponent: () => import('./reset-password.page').then((m) => m.ResetPasswordPage),
  },
];

export const accountRoutes: Routes = [
  {
    path: '',
    title: 'Your account · Mentorship Map',
    loadComponent: () => import('./account.page').then((m) => m.AccountPage),
  },
];
