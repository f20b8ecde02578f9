export * from './analytics.api';
