import { Routes } from '@angular/router';
import {
  openPreferredOrganizationGuard,
  organizationLandingGuard,
  organizationMemberGuard,
  organizationRoleGuard,
} from '../../core/organizations/organization.guards';
import { MEMBER_MANAGER_ROLES } from '../../core/organizations/organization-landing';

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
      // Never shown: the guard always redirects to the page that fits the person's roles.
      { path: '', pathMatch: 'full', canActivate: [organizationLandingGuard], children: [] },
      {
        path: 'home',
        title: 'Home · Mentorship Map',
        loadChildren: () => import('../home/home.routes').then((m) => m.homeRoutes),
      },
      {
        path: 'members',
        title: 'Members · Mentorship Map',
        canActivate: [organizationRoleGuard(...MEMBER_MANAGER_ROLES)],
        loadChildren: () => import('../members/members.routes').then((m) => m.membersRoutes),
      },
    ],
  },
];
