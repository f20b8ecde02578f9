export * from './skills.api';
export * from './profiles.api';
