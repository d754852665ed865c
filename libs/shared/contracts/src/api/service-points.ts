// Contracts of the service-points endpoints.
export {};
