import { Module } from '@nestjs/common';
import { StreetsController } from './streets.controller';
import { StreetsRepository } from './streets.repository';
import { StreetsService } from './streets.service';

@Module({ controllers: [StreetsController], providers: [StreetsService, StreetsRepository], exports: [StreetsService] })
export class StreetsModule {}
