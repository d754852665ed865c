export * from './batches';
export * from './jobs';
export * from './qr-asset.service';
export * from './storage';
export * from './bundle';
export * from './render';
export * from './render-pool';
export * from './render-thread-protocol';
