export * from './dataset/provenance';
export * from './dataset/records';
export * from './api/common';
export * from './api/admin-units';
