export * from './skills.routes';
