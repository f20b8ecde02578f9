export * from './api-http';
