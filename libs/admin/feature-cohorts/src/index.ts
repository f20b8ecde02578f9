export * from './cohorts.routes';
