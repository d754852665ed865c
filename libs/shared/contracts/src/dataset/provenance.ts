import { z } from 'zod';

/**
 * Where a record comes from. `source` and `licence` describe the record's factual fields;
 * `demo` lists the fields whose values were made up for the demo city because no public source
 * exists (coordinates, addresses, hours...). A record that is wholly invented has
 * `source: "demo"` and `licence: "demo"`. Pages must label demo fields as sample data.
 */
export const provenanceSchema = z.object({
  source: z.string().min(1),
  licence: z.string().min(1),
  attribution: z.string().min(1).optional(),
  demo: z.array(z.string().min(1)).default([]),
  note: z.string().min(1).optional(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

export const DEMO_SOURCE = 'demo';
export const demoProvenance = (note?: string): Provenance => ({ source: DEMO_SOURCE, licence: DEMO_SOURCE, demo: ['*'], ...(note ? { note } : {}) });
