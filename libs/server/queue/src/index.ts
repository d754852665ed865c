export * from './bullmq-queue';
export * from './in-process-queue';
export * from './job-log-context';
export * from './jobs';
export * from './revalidate-web';
