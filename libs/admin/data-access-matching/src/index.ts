export * from './matching.api';
