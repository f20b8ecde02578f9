export * from './members.routes';
