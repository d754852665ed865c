export * from './dataset/provenance';
export * from './dataset/records';
export * from './api/common';
export * from './api/admin-units';
export * from './api/plates';
export * from './api/streets';
export * from './api/service-points';
export * from './api/procedures';
