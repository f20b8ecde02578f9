import { Routes } from '@angular/router';
import { MembersStore } from './members.store';

export const membersRoutes: Routes = [
  {
    path: '',
    // One store per visit of the page; it follows `:orgId` when the organization is switched.
    providers: [MembersStore],
    loadComponent: () => import('./members.page').then((m) => m.MembersPage),
  },
];
