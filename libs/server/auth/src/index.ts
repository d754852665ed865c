export * from './password';
export * from './password-policy';
export * from './session-token';
export * from './login-throttle';
