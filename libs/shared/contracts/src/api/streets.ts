// Contracts of the streets endpoints.
export {};
