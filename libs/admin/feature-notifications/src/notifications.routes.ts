import { Routes } from '@angular/router';

/** The member's notification centre, under `/orgs/:orgId/notifications`. */
export const notificationsRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./notifications.page').then((m) => m.NotificationsPage),
  },
];

/** The organization's email delivery log, for admins (`/orgs/:orgId/email-deliveries`). */
export const emailDeliveriesRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./email-deliveries.page').then((m) => m.EmailDeliveriesPage),
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
