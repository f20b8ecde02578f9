export * from './shell.component';
