export * from './rounds.routes';
