// The street page's "procedures you can file": grouped by field (lĩnh vực, as the portal names it), the
// fields with most procedures first, a few procedures shown per field and the rest one link away, so the
// page stays light on a cheap phone. Within a field the shortest names come first: the portal names the
// general procedure plainly ("Thủ tục đăng ký khai sinh") and its special cases at length ("... có yếu tố
// nước ngoài tại khu vực biên giới"), so short-first puts what most people need on top without inventing
// a popularity ranking the data does not have.
import type { ProcedureSummary } from '@pho-so/shared/contracts';

export interface ProcedureGroup {
  field: string;
  shown: ProcedureSummary[];
  /** How many more of this field are not shown on the street page. */
  hiddenCount: number;
}

export interface ProcedureGroupOptions {
  maxFields: number;
  perField: number;
}

export function groupProceduresByField(procedures: readonly ProcedureSummary[], { maxFields, perField }: ProcedureGroupOptions): ProcedureGroup[] {
  const byField = new Map<string, ProcedureSummary[]>();
  for (const procedure of procedures) {
    const list = byField.get(procedure.field) ?? [];
    list.push(procedure);
    byField.set(procedure.field, list);
  }
  return [...byField.entries()]
    .sort(([fieldA, a], [fieldB, b]) => b.length - a.length || fieldA.localeCompare(fieldB, 'vi'))
    .slice(0, maxFields)
    .map(([field, list]) => {
      const sorted = [...list].sort((a, b) => a.name.length - b.name.length || a.name.localeCompare(b.name, 'vi'));
      return { field, shown: sorted.slice(0, perField), hiddenCount: Math.max(0, sorted.length - perField) };
    });
}
