import { Module } from '@nestjs/common';
import { systemClock, WORKSPACE_CLOCK } from './actor';
import { AuditRepository } from './audit.repository';
import { PlateEditRepository } from './plate-edit.repository';
import { PlateEditService } from './plate-edit.service';
import { ProcedureNoteRepository } from './procedure-note.repository';
import { ProcedureNoteService } from './procedure-note.service';
import { ServicePointEditRepository } from './service-point-edit.repository';
import { ServicePointEditService } from './service-point-edit.service';
import { StreetEditRepository } from './street-edit.repository';
import { StreetEditService } from './street-edit.service';
import { WorkspaceReadService } from './workspace-read.service';
import { WorkspaceRevalidator } from './workspace-revalidator';
import { WorkspaceController } from './workspace.controller';
import { WorkspaceResponseCache } from './workspace-response-cache';

/**
 * The officials' editing layer (issue 6): `/api/v1/workspace/*` routes behind the session guard, which
 * turns the session into the `Actor` the services take, and the services and repositories. Needs the
 * global JobsModule (JOB_QUEUE), AuthModule and the database.
 */
@Module({
  controllers: [WorkspaceController],
  providers: [
    WorkspaceResponseCache,
    { provide: WORKSPACE_CLOCK, useValue: systemClock },
    AuditRepository,
    WorkspaceRevalidator,
    ServicePointEditRepository,
    ServicePointEditService,
    StreetEditRepository,
    StreetEditService,
    PlateEditRepository,
    PlateEditService,
    ProcedureNoteRepository,
    ProcedureNoteService,
    WorkspaceReadService,
  ],
  exports: [ServicePointEditService, StreetEditService, PlateEditService, ProcedureNoteService, WorkspaceReadService],
})
export class WorkspaceModule {}
