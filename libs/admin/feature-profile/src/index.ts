export * from './profile.routes';
