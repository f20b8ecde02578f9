export * from './analytics.routes';
