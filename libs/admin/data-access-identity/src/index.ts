export * from './auth.api';
export * from './session.store';
export * from './auth.interceptor';
export * from './auth.guards';
