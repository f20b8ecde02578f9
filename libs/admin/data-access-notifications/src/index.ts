export * from './notifications.api';
