export * from './demo-city-seed';
