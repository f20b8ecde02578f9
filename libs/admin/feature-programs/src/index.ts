export * from './programs.routes';
