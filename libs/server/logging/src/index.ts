export * from './create-logger';
export * from './log-context';
export * from './redaction';
