import { Routes } from '@angular/router';
import {
  openPreferredOrganizationGuard,
  organizationMemberGuard,
} from '../../core/organizations/organization.guards';

const createOrganizationPage = () =>
  import('./create-organization.page').then((m) => m.CreateOrganizationPage);

export const organizationsRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Organizations · Mentorship Map',
    canActivate: [openPreferredOrganizationGuard],
    loadComponent: createOrganizationPage,
  },
  { path: 'new', title: 'New organization · Mentorship Map', loadComponent: createOrganizationPage },
  {
    path: ':orgId',
    canActivate: [organizationMemberGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'members' },
      {
        path: 'members',
        title: 'Members · Mentorship Map',
        loadChildren: () => import('../members/members.routes').then((m) => m.membersRoutes),
      },
    ],
  },
];
