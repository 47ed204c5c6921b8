export * from './contacts';
export * from './numbers';
export * from './org';
export * from './routing';
export * from './staff';
export * from './me';
export * from './voicemail';
export * from './presence-settings';
