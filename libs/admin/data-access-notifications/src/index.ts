export * from './notifications.api';
export * from './unread-notifications';
