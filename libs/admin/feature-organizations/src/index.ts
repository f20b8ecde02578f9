export * from './organizations.routes';
