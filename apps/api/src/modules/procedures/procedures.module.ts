import { Module } from '@nestjs/common';
import { ProceduresController } from './procedures.controller';
import { ProceduresRepository } from './procedures.repository';
import { ProceduresService } from './procedures.service';

@Module({ controllers: [ProceduresController], providers: [ProceduresService, ProceduresRepository], exports: [ProceduresService] })
export class ProceduresModule {}
