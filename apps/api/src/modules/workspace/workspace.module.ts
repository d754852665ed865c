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

/**
 * The officials' editing layer (issue 6): services and repositories only. Controllers come with the
 * session guard, which turns the session into the `Actor` these services take. Needs the global
 * JobsModule (JOB_QUEUE) and the database.
 */
@Module({
  providers: [
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
