import { Routes } from '@angular/router';

/** The member's notification centre, under `/orgs/:orgId/notifications`. */
export const notificationsRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./notifications.page').then((m) => m.NotificationsPage),
  },
];

/** Pages reached from notification emails, signed in or out. */
export const unsubscribeRoutes: Routes = [
  {
    // `/unsubscribe?token=<token>`: the link at the foot of every notification email.
    path: '',
    title: 'Email settings · Mentorship Map',
    loadComponent: () => import('./unsubscribe.page').then((m) => m.UnsubscribePage),
  },
];
