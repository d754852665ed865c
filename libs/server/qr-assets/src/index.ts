export * from './batches';
export * from './jobs';
export * from './qr-asset.service';
export * from './storage';
export * from './bundle';
