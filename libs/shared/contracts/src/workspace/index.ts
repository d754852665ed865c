export * from './messages';
export * from './plain-text';
export * from './edit-commands';
export * from './responses';
