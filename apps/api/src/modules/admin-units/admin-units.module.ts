import { Module } from '@nestjs/common';
import { AdminUnitsController } from './admin-units.controller';
import { AdminUnitsRepository } from './admin-units.repository';
import { AdminUnitsService } from './admin-units.service';

@Module({ controllers: [AdminUnitsController], providers: [AdminUnitsService, AdminUnitsRepository], exports: [AdminUnitsService] })
export class AdminUnitsModule {}
