// Contracts of the procedures endpoints.
export {};
