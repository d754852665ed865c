export * from './bullmq-queue';
export * from './in-process-queue';
export * from './jobs';
export * from './revalidate-web';
