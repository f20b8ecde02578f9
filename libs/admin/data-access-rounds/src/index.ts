export * from './rounds.api';
