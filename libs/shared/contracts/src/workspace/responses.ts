// What the workspace and account routes answer, shared by the API (which builds these shapes) and the
// web workspace (which reads them), so a field renamed on one side fails to compile on the other.
import type { ClosureInput } from './edit-commands';

/** An official's account as the admin pages list it (never the password hash). */
export interface WorkspaceAccount {
  id: string;
  email: string;
  displayName: string;
  role: 'admin' | 'ward_editor';
  wards: Array<{ code: string; name: string }>;
  disabled: boolean;
  disabledAt: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

/** One line of a record's history (audit_event). */
export interface AuditEntry {
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  requestId: string | null;
}

/** The fields officials edit on a service point, in the shape of the edit command. */
export interface ServicePointValues {
  name: string;
  address: string;
  location: { lat: number; lng: number };
  phone: string | null;
  email: string | null;
  openingHours: string;
  closures: ClosureInput[];
  accessibilityNotes: string;
  proceduresNotAccepted: string[];
}

/** A service point as the workspace edits it (GET/PATCH /api/v1/workspace/service-points/{id}). */
export interface WorkspaceServicePoint extends ServicePointValues {
  id: string;
  wardId: number | null;
  version: number;
  lastConfirmedAt: string | null;
  lastConfirmedBy: string | null;
}

/** A line of "my service points" (GET /api/v1/workspace/service-points). */
export interface MyServicePoint {
  id: string;
  key: string;
  name: string;
  wardId: number | null;
  wardCode: string | null;
  wardName: string | null;
  version: number;
  lastConfirmedAt: string | null;
  lastConfirmedBy: string | null;
  updatedAt: string;
  /** Not confirmed for 90 days (or never): the workspace flags it. */
  stale: boolean;
}
