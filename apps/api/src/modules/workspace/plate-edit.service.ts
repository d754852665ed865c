import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { webCacheTags } from '@pho-so/shared/contracts';
import { systemClock, wardScope, WORKSPACE_CLOCK, type Actor, type Clock } from './actor';
import { AuditRepository, changedFields } from './audit.repository';
import { PlateEditRepository, type PlateRecord, type PlateValues } from './plate-edit.repository';
import type { EditOptions, EditResult } from './service-point-edit.service';
import type { SetColumn } from './versioned-update';
import { WorkspaceRevalidator } from './workspace-revalidator';
import { isUuid, parseCommand, platePatchSchema } from './workspace-commands';
import { EditConflictError, EditNotFoundError } from './workspace.errors';

/** Officials' edits of plates (status, position): scoped through the wards of the plate's street. */
@Injectable()
export class PlateEditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plates: PlateEditRepository,
    private readonly audit: AuditRepository,
    private readonly revalidator: WorkspaceRevalidator,
    @Optional() @Inject(WORKSPACE_CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async get(actor: Actor, id: string): Promise<PlateRecord> {
    return this.load(this.dataSource.manager, actor, id);
  }

  async update(actor: Actor, id: string, input: unknown, options: EditOptions = {}): Promise<EditResult<PlateRecord>> {
    const { baseVersion, ...fields } = parseCommand(platePatchSchema, input);
    if (!isUuid(id)) throw new EditNotFoundError('plate');
    const at = this.clock();
    const result = await this.dataSource.transaction(async (manager) => {
      const current = await this.load(manager, actor, id);
      if (current.version !== baseVersion) throw new EditConflictError('plate', current);
      const changes = changedFields<PlateValues>(current, fields);
      if (changes.length === 0) return { changed: false, changes, record: current };
      const next: PlateRecord = { ...current };
      const values: SetColumn[] = [];
      for (const change of changes) {
        if (change.field === 'status' && fields.status) values.push({ column: 'status', value: (next.status = fields.status) });
        if (change.field === 'positionDescription' && fields.positionDescription !== undefined) {
          values.push({ column: 'position_description', value: (next.positionDescription = fields.positionDescription) });
        }
        if (change.field === 'location' && fields.location !== undefined) {
          next.location = fields.location;
          values.push({ column: 'lat', value: fields.location?.lat ?? null }, { column: 'lng', value: fields.location?.lng ?? null });
        }
      }
      const version = await this.plates.updateIfVersion(manager, id, baseVersion, values);
      if (version === null) throw new EditConflictError('plate', await this.load(manager, actor, id));
      await this.audit.record(manager, { actor, action: 'update', entityType: 'plate', entityId: id, changes, requestId: options.requestId, at });
      return { changed: true, changes, record: { ...next, version } };
    });
    if (result.changed) {
      await this.revalidator.afterCommit(['plate', id, result.record.version], [webCacheTags.plate(result.record.code), webCacheTags.street(result.record.streetSlug)]);
    }
    return result;
  }

  private async load(manager: EntityManager, actor: Actor, id: string): Promise<PlateRecord> {
    if (!isUuid(id)) throw new EditNotFoundError('plate');
    const plate = await this.plates.findInScope(manager, id, wardScope(actor));
    if (!plate) throw new EditNotFoundError('plate');
    return plate;
  }
}
