export * from './organizations.api';
export * from './members.api';
export * from './invitations.api';
export * from './organization-landing';
export * from './organization.store';
