import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { webCacheTags, type MyServicePoint, type ServicePointPatch } from '@pho-so/shared/contracts';
import { systemClock, wardScope, WORKSPACE_CLOCK, type Actor, type Clock } from './actor';
import { AuditRepository, changedFields, type FieldChange } from './audit.repository';
import {
  ServicePointEditRepository,
  type ColumnValue,
  type ServicePointRecord,
  type ServicePointValues,
} from './service-point-edit.repository';
import { WorkspaceRevalidator } from './workspace-revalidator';
import { isUuid, parseCommand, servicePointPatchSchema, unknownProcedureIssues } from './workspace-commands';
import { EditConflictError, EditNotFoundError, EditValidationError } from './workspace.errors';

/** A record not confirmed for this long is flagged in the workspace. */
export const FRESHNESS_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface EditOptions {
  /** The HTTP request's id, recorded with every audit row of the edit. */
  requestId?: string;
}

export interface EditResult<T> {
  /** False for a patch that changed nothing: no write, no version bump, no audit row. */
  changed: boolean;
  /** The fields that changed, old → new (as audited). */
  changes: FieldChange[];
  record: T;
}

export type { MyServicePoint };

/** Patch field → column; closures live in their own table. */
const COLUMNS: Record<Exclude<keyof ServicePointValues, 'closures' | 'location'>, ColumnValue['cast'] | 'text'> = {
  name: 'text',
  address: 'text',
  phone: 'text',
  email: 'text',
  openingHours: 'text',
  accessibilityNotes: 'text',
  proceduresNotAccepted: 'jsonb',
};
const COLUMN_NAMES: Record<string, string> = {
  name: 'name',
  address: 'address',
  phone: 'phone',
  email: 'email',
  openingHours: 'opening_hours',
  accessibilityNotes: 'accessibility_notes',
  proceduresNotAccepted: 'procedures_not_accepted',
};
/** Patch field → the name `provenance.demo` uses for it: a value an official set is no longer made up. */
const DEMO_NAMES: Record<keyof ServicePointValues, string> = {
  name: 'name',
  address: 'address',
  location: 'point',
  phone: 'phone',
  email: 'email',
  openingHours: 'openingHours',
  closures: 'closures',
  accessibilityNotes: 'accessibilityNotes',
  proceduresNotAccepted: 'proceduresNotAccepted',
};

const publicValues = (record: ServicePointRecord) => {
  const { provenance: _provenance, ...rest } = record;
  return rest;
};

/**
 * Officials' edits of service points: scoped to their wards, conditional on the version they started
 * from, audited field by field in the same transaction, and followed by page revalidation.
 */
@Injectable()
export class ServicePointEditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly points: ServicePointEditRepository,
    private readonly audit: AuditRepository,
    private readonly revalidator: WorkspaceRevalidator,
    @Optional() @Inject(WORKSPACE_CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /** The point as the editor shows it (NotFound outside the actor's wards). */
  async get(actor: Actor, id: string): Promise<Omit<ServicePointRecord, 'provenance'>> {
    return publicValues(await this.load(this.dataSource.manager, actor, id));
  }

  async update(actor: Actor, id: string, input: unknown, options: EditOptions = {}): Promise<EditResult<Omit<ServicePointRecord, 'provenance'>>> {
    const patch: ServicePointPatch = parseCommand(servicePointPatchSchema, input);
    if (!isUuid(id)) throw new EditNotFoundError('service_point');
    if (patch.proceduresNotAccepted?.length) {
      const known = await this.points.knownProcedureCodes(this.dataSource.manager, patch.proceduresNotAccepted);
      const issues = unknownProcedureIssues(patch.proceduresNotAccepted, known);
      if (issues.length > 0) throw new EditValidationError(issues);
    }
    const { baseVersion, ...fields } = patch;
    const at = this.clock();
    const result = await this.dataSource.transaction(async (manager) => {
      const current = await this.load(manager, actor, id);
      if (current.version !== baseVersion) throw new EditConflictError('service_point', publicValues(current));
      const changes = changedFields<ServicePointValues>(current, fields);
      if (changes.length === 0) return { changed: false, changes, record: publicValues(current) };

      const values: ColumnValue[] = [];
      const next: ServicePointRecord = { ...current };
      for (const change of changes) {
        const field = change.field as keyof ServicePointValues;
        (next as unknown as Record<string, unknown>)[field] = change.newValue;
        if (field === 'location') {
          const point = change.newValue as ServicePointValues['location'];
          values.push({ column: 'lat', value: point.lat }, { column: 'lng', value: point.lng });
        } else if (field !== 'closures') {
          const cast = COLUMNS[field];
          values.push({ column: COLUMN_NAMES[field]!, value: change.newValue, ...(cast === 'jsonb' ? { cast } : {}) });
        }
      }
      const demo = current.provenance.demo ?? [];
      const stillDemo = demo.filter((name) => !changes.some((change) => DEMO_NAMES[change.field as keyof ServicePointValues] === name));
      if (stillDemo.length !== demo.length) values.push({ column: 'provenance', value: { ...current.provenance, demo: stillDemo }, cast: 'jsonb' });

      const version = await this.points.updateIfVersion(manager, id, baseVersion, values);
      if (version === null) throw new EditConflictError('service_point', publicValues(await this.load(manager, actor, id)));
      if (changes.some((change) => change.field === 'closures')) await this.points.replaceClosures(manager, id, next.closures, actor.id);
      await this.audit.record(manager, { actor, action: 'update', entityType: 'service_point', entityId: id, changes, requestId: options.requestId, at });
      return { changed: true, changes, record: { ...publicValues(next), version } };
    });
    if (result.changed) {
      const procedures = result.changes.find((change) => change.field === 'proceduresNotAccepted');
      const codes = procedures ? [...(procedures.oldValue as string[]), ...(procedures.newValue as string[])] : [];
      await this.revalidator.afterCommit(
        ['service-point', id, result.record.version],
        [
          webCacheTags.servicePoint(id),
          webCacheTags.allServicePoints,
          ...(procedures ? [webCacheTags.allProcedures, ...codes.map(webCacheTags.procedure)] : []),
        ],
      );
    }
    return result;
  }

  /** "Still correct": records who confirmed and when, and bumps the version (a conditional update too). */
  async confirmStillCorrect(actor: Actor, id: string, baseVersion: unknown, options: EditOptions = {}): Promise<EditResult<Omit<ServicePointRecord, 'provenance'>>> {
    const { baseVersion: base } = parseCommand(servicePointPatchSchema.pick({ baseVersion: true }), { baseVersion });
    if (!isUuid(id)) throw new EditNotFoundError('service_point');
    const at = this.clock();
    const result = await this.dataSource.transaction(async (manager) => {
      const current = await this.load(manager, actor, id);
      if (current.version !== base) throw new EditConflictError('service_point', publicValues(current));
      const version = await this.points.updateIfVersion(manager, id, base, [
        { column: 'last_confirmed_at', value: at },
        { column: 'last_confirmed_by', value: actor.id },
      ]);
      if (version === null) throw new EditConflictError('service_point', publicValues(await this.load(manager, actor, id)));
      const changes = changedFields(
        { lastConfirmedAt: current.lastConfirmedAt, lastConfirmedBy: current.lastConfirmedBy },
        { lastConfirmedAt: at.toISOString(), lastConfirmedBy: actor.id },
      );
      await this.audit.record(manager, { actor, action: 'confirm', entityType: 'service_point', entityId: id, changes, requestId: options.requestId, at });
      return {
        changed: true,
        changes,
        record: { ...publicValues(current), version, lastConfirmedAt: at.toISOString(), lastConfirmedBy: actor.id },
      };
    });
    await this.revalidator.afterCommit(['service-point', id, result.record.version], [webCacheTags.servicePoint(id)]);
    return result;
  }

  /** The actor's service points with a freshness flag (not confirmed for 90 days, or never: stale). */
  async listMyServicePoints(actor: Actor): Promise<MyServicePoint[]> {
    const now = this.clock().getTime();
    const rows = await this.points.listInScope(this.dataSource.manager, wardScope(actor));
    return rows.map((row) => ({
      ...row,
      lastConfirmedAt: row.lastConfirmedAt ? row.lastConfirmedAt.toISOString() : null,
      updatedAt: row.updatedAt.toISOString(),
      stale: row.lastConfirmedAt === null || now - row.lastConfirmedAt.getTime() >= FRESHNESS_DAYS * DAY_MS,
    }));
  }

  private async load(manager: EntityManager, actor: Actor, id: string): Promise<ServicePointRecord> {
    if (!isUuid(id)) throw new EditNotFoundError('service_point');
    const record = await this.points.findInScope(manager, id, wardScope(actor));
    if (!record) throw new EditNotFoundError('service_point');
    return record;
  }
}
