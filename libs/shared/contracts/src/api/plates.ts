// Contracts of the plates endpoints.
export {};
