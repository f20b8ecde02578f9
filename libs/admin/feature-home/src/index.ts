export * from './home.routes';
