import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { webCacheTags, type Namesake } from '@pho-so/shared/contracts';
import { systemClock, wardScope, WORKSPACE_CLOCK, type Actor, type Clock } from './actor';
import { AuditRepository, changedFields } from './audit.repository';
import type { EditOptions, EditResult } from './service-point-edit.service';
import { StreetEditRepository, type StreetRecord, type StreetValues } from './street-edit.repository';
import type { SetColumn } from './versioned-update';
import { WorkspaceRevalidator } from './workspace-revalidator';
import { isUuid, parseCommand, streetPatchSchema } from './workspace-commands';
import { EditConflictError, EditNotFoundError } from './workspace.errors';

export type StreetView = Omit<StreetRecord, 'storedNamesake'>;
const view = ({ storedNamesake: _stored, ...rest }: StreetRecord): StreetView => rest;

/** The stored namesake after an official set its text and source; an edited text is the official's, not Wikipedia's. */
function nextNamesake(street: StreetRecord, edited: { text: string; source: string }): Namesake {
  const stored = street.storedNamesake;
  const textChanged = stored?.description !== edited.text;
  const isUrl = /^https?:\/\/\S+$/i.test(edited.source);
  const { sourceUrl: _url, ...base } = stored ?? { name: street.name, description: edited.text, provenance: { source: edited.source, licence: 'official', demo: [] } };
  const { attribution: _attribution, ...provenance } = base.provenance;
  return {
    ...base,
    description: edited.text,
    ...(isUrl ? { sourceUrl: edited.source } : !textChanged && stored?.sourceUrl ? { sourceUrl: stored.sourceUrl } : {}),
    provenance: textChanged || !stored ? { ...provenance, source: edited.source, licence: 'official', demo: [] } : { ...base.provenance, source: edited.source },
  };
}

/** Officials' edits of streets (ends in words, namesake): scoped through the street's wards. */
@Injectable()
export class StreetEditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly streets: StreetEditRepository,
    private readonly audit: AuditRepository,
    private readonly revalidator: WorkspaceRevalidator,
    @Optional() @Inject(WORKSPACE_CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async get(actor: Actor, id: string): Promise<StreetView> {
    return view(await this.load(this.dataSource.manager, actor, id));
  }

  async update(actor: Actor, id: string, input: unknown, options: EditOptions = {}): Promise<EditResult<StreetView>> {
    const { baseVersion, ...fields } = parseCommand(streetPatchSchema, input);
    if (!isUuid(id)) throw new EditNotFoundError('street');
    const at = this.clock();
    const result = await this.dataSource.transaction(async (manager) => {
      const current = await this.load(manager, actor, id);
      if (current.version !== baseVersion) throw new EditConflictError('street', view(current));
      const changes = changedFields<StreetValues>(current, fields);
      if (changes.length === 0) return { changed: false, changes, record: view(current) };
      const next: StreetRecord = { ...current };
      const values: SetColumn[] = [];
      for (const change of changes) {
        if (change.field === 'startDescription') values.push({ column: 'start_description', value: (next.startDescription = fields.startDescription ?? null) });
        if (change.field === 'endDescription') values.push({ column: 'end_description', value: (next.endDescription = fields.endDescription ?? null) });
        if (change.field === 'namesake' && fields.namesake) {
          next.namesake = fields.namesake;
          values.push({ column: 'namesake', value: nextNamesake(current, fields.namesake), cast: 'jsonb' });
        }
      }
      const version = await this.streets.updateIfVersion(manager, id, baseVersion, values);
      if (version === null) throw new EditConflictError('street', view(await this.load(manager, actor, id)));
      await this.audit.record(manager, { actor, action: 'update', entityType: 'street', entityId: id, changes, requestId: options.requestId, at });
      return { changed: true, changes, record: { ...view(next), version } };
    });
    if (result.changed) {
      await this.revalidator.afterCommit(
        ['street', id, result.record.version],
        [webCacheTags.street(result.record.slug), webCacheTags.allStreets, ...result.record.plateCodes.map(webCacheTags.plate)],
      );
    }
    return result;
  }

  private async load(manager: EntityManager, actor: Actor, id: string): Promise<StreetRecord> {
    if (!isUuid(id)) throw new EditNotFoundError('street');
    const street = await this.streets.findInScope(manager, id, wardScope(actor));
    if (!street) throw new EditNotFoundError('street');
    return street;
  }
}
