import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { procedureCodeSchema, webCacheTags } from '@pho-so/shared/contracts';
import { inScope, systemClock, wardScope, WORKSPACE_CLOCK, type Actor, type Clock } from './actor';
import { AuditRepository, changedFields } from './audit.repository';
import { ProcedureNoteRepository, type ProcedureNoteRecord } from './procedure-note.repository';
import type { EditOptions, EditResult } from './service-point-edit.service';
import { WorkspaceRevalidator } from './workspace-revalidator';
import { parseCommand, procedureNotePatchSchema } from './workspace-commands';
import { EditConflictError, EditNotFoundError } from './workspace.errors';

/** The audit trail's id of a ward's note on a procedure. */
export const procedureNoteEntityId = (procedureCode: string, wardId: number) => `${procedureCode}@${wardId}`;

/** A ward's own note on a procedure: created from base version 0, then edited like every record. */
@Injectable()
export class ProcedureNoteService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notes: ProcedureNoteRepository,
    private readonly audit: AuditRepository,
    private readonly revalidator: WorkspaceRevalidator,
    @Optional() @Inject(WORKSPACE_CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async get(actor: Actor, procedureCode: string, wardId: number): Promise<ProcedureNoteRecord> {
    const { procedureId, code } = await this.locate(this.dataSource.manager, actor, procedureCode, wardId);
    return this.notes.find(this.dataSource.manager, procedureId, code, wardId);
  }

  async upsert(actor: Actor, procedureCode: string, wardId: number, input: unknown, options: EditOptions = {}): Promise<EditResult<ProcedureNoteRecord>> {
    const { baseVersion, note } = parseCommand(procedureNotePatchSchema, input);
    const at = this.clock();
    const result = await this.dataSource.transaction(async (manager) => {
      const { procedureId, code } = await this.locate(manager, actor, procedureCode, wardId);
      const current = await this.notes.find(manager, procedureId, code, wardId);
      if (current.version !== baseVersion) throw new EditConflictError('procedure_local_note', current);
      const changes = changedFields(current, { note });
      if (changes.length === 0) return { changed: false, changes, record: current };
      const version =
        baseVersion === 0
          ? (await this.notes.insertIfAbsent(manager, procedureId, wardId, note, actor.id, at))
            ? 1
            : null
          : await this.notes.updateIfVersion(manager, procedureId, wardId, baseVersion, note, actor.id, at);
      if (version === null) throw new EditConflictError('procedure_local_note', await this.notes.find(manager, procedureId, code, wardId));
      await this.audit.record(manager, {
        actor,
        action: 'update',
        entityType: 'procedure_local_note',
        entityId: procedureNoteEntityId(code, wardId),
        changes,
        requestId: options.requestId,
        at,
      });
      return { changed: true, changes, record: { ...current, note, version, updatedAt: at.toISOString(), updatedBy: actor.id } };
    });
    if (result.changed) {
      await this.revalidator.afterCommit(['procedure-note', result.record.procedureCode, wardId, result.record.version], [
        webCacheTags.procedure(result.record.procedureCode),
        webCacheTags.allProcedures,
      ]);
    }
    return result;
  }

  /** The procedure and ward, when the ward is one of the actor's and both exist; NotFound otherwise. */
  private async locate(manager: EntityManager, actor: Actor, procedureCode: string, wardId: number): Promise<{ procedureId: string; code: string }> {
    const code = procedureCodeSchema.safeParse(procedureCode);
    if (!code.success || !Number.isSafeInteger(wardId) || !inScope(wardScope(actor), wardId)) throw new EditNotFoundError('procedure_local_note');
    const [procedureId, wardExists] = [await this.notes.procedureId(manager, code.data), await this.notes.wardExists(manager, wardId)];
    if (!procedureId || !wardExists) throw new EditNotFoundError('procedure_local_note');
    return { procedureId, code: code.data };
  }
}
