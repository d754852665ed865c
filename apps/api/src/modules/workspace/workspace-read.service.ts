import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { procedureCodeSchema } from '@pho-so/shared/contracts';
import { inScope, wardScope, type Actor } from './actor';
import { AuditRepository, type AuditEntry } from './audit.repository';
import { PlateEditRepository } from './plate-edit.repository';
import { ProcedureNoteRepository } from './procedure-note.repository';
import { procedureNoteEntityId } from './procedure-note.service';
import { ServicePointEditService, type MyServicePoint } from './service-point-edit.service';
import { StreetEditRepository } from './street-edit.repository';
import { isUuid } from './workspace-commands';
import { EditNotFoundError, type EditableEntityType } from './workspace.errors';

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
  ) {}

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
