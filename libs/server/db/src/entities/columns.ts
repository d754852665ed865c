import { ValueTransformer } from 'typeorm';

/**
 * Postgres returns `numeric` and `bigint` as strings to keep precision; counts and coordinates here
 * fit a JS number comfortably, so convert at the edge instead of everywhere.
 */
export const numberTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};

