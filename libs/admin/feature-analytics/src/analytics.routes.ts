import { Routes } from '@angular/router';

/** `/orgs/:orgId/analytics`, for admins and coordinators (the organization route's role guard). */
export const analyticsRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./analytics-dashboard.page').then((m) => m.AnalyticsDashboardPage),
  },
];
