import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { procedureCodeSchema } from '@pho-so/shared/contracts';
import { localDay } from '../plates/scans/scan-key';
import { inScope, systemClock, wardScope, WORKSPACE_CLOCK, type Actor, type Clock } from './actor';
import { AuditRepository, type AuditEntry } from './audit.repository';
import { PlateEditRepository, type PlateListRow } from './plate-edit.repository';
import { ProcedureNoteRepository } from './procedure-note.repository';
import { procedureNoteEntityId } from './procedure-note.service';
import { ServicePointEditService, type MyServicePoint } from './service-point-edit.service';
import { StreetEditRepository } from './street-edit.repository';
import { isUuid } from './workspace-commands';
import { EditNotFoundError, type EditableEntityType } from './workspace.errors';

/** Days of scans the plate list counts. */
export const SCAN_WINDOW_DAYS = 30;

export interface MyPlate extends PlateListRow {
  /** No scan in the last 30 days. */
  noScans30d: boolean;
}

/** The workspace's read side: lists and per-record history, scoped like the edits. */
@Injectable()
export class WorkspaceReadService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
    private readonly servicePoints: ServicePointEditService,
    private readonly streets: StreetEditRepository,
    private readonly plates: PlateEditRepository,
    private readonly notes: ProcedureNoteRepository,
    @Optional() @Inject(WORKSPACE_CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /**
   * The actor's plates (through their streets' wards) with status, scans over the last 30 days
   * (today and the 29 days before, by scan_count's day) and `noScans30d` for a plate nobody scanned
   * in that time (it may be damaged, covered, or replaced by a fake sticker).
   */
  async listMyPlates(actor: Actor): Promise<MyPlate[]> {
    // The first day of the window on the calendar the scan counter keys its days by (Vietnam's).
    const since = localDay(new Date(this.clock().getTime() - (SCAN_WINDOW_DAYS - 1) * 24 * 60 * 60 * 1000));
    const rows = await this.plates.listInScope(this.dataSource.manager, wardScope(actor), since);
    return rows.map((row) => ({ ...row, noScans30d: row.scans30d === 0 }));
  }

  listMyServicePoints(actor: Actor): Promise<MyServicePoint[]> {
    return this.servicePoints.listMyServicePoints(actor);
  }

  /**
   * The audit trail of one record, oldest first. The record must be in the actor's wards (NotFound
   * otherwise, like the edits). A procedure note's id is `<procedure code>@<ward id>`.
   */
  async history(actor: Actor, entityType: EditableEntityType, id: string): Promise<AuditEntry[]> {
    const manager = this.dataSource.manager;
    const scope = wardScope(actor);
    let visible = false;
    if (entityType === 'service_point') {
      visible = await this.servicePoints.get(actor, id).then(
        () => true,
        (error: unknown) => {
          if (error instanceof EditNotFoundError) return false;
          throw error;
        },
      );
    } else if (entityType === 'street') visible = isUuid(id) && (await this.streets.findInScope(manager, id, scope)) !== null;
    else if (entityType === 'plate') visible = isUuid(id) && (await this.plates.findInScope(manager, id, scope)) !== null;
    else if (entityType === 'procedure_local_note') {
      const [code, ward] = id.split('@');
      const wardId = Number(ward);
      visible =
        procedureCodeSchema.safeParse(code).success &&
        Number.isSafeInteger(wardId) &&
        inScope(scope, wardId) &&
        (await this.notes.procedureId(manager, code!)) !== null &&
        procedureNoteEntityId(code!, wardId) === id;
    }
    if (!visible) throw new EditNotFoundError(entityType);
    return this.audit.history(manager, entityType, id);
  }
}
