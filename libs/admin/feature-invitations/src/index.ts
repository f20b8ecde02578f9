export * from './invitations.routes';
