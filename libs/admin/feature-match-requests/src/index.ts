export * from './match-requests.routes';
