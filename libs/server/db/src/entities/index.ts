import { AdministrativeUnitSuccessionEntity } from './administrative-unit-succession.entity';
import { AdministrativeUnitEntity } from './administrative-unit.entity';
import { AuditEventEntity } from './audit-event.entity';
import { BatchItemEntity } from './batch-item.entity';
import { BatchEntity } from './batch.entity';
import { OfficialWardScopeEntity } from './official-ward-scope.entity';
import { OfficialEntity } from './official.entity';
import { OfficialSessionEntity } from './official-session.entity';
import { PlateEntity } from './plate.entity';
import { ProcedureChannelEntity } from './procedure-channel.entity';
import { ProcedureLocalNoteEntity } from './procedure-local-note.entity';
import { ProcedureEntity } from './procedure.entity';
import { QrAssetEntity } from './qr-asset.entity';
import { ScanCountEntity } from './scan-count.entity';
import { ServicePointClosureEntity } from './service-point-closure.entity';
import { ServicePointEntity } from './service-point.entity';
import { StreetWardEntity } from './street-ward.entity';
import { StreetEntity } from './street.entity';

export * from './administrative-unit-succession.entity';
export * from './administrative-unit.entity';
export * from './audit-event.entity';
export * from './batch-item.entity';
export * from './batch.entity';
export * from './official-ward-scope.entity';
export * from './official.entity';
export * from './official-session.entity';
export * from './plate.entity';
export * from './procedure-channel.entity';
export * from './procedure-local-note.entity';
export * from './procedure.entity';
export * from './qr-asset.entity';
export * from './scan-count.entity';
export * from './service-point-closure.entity';
export * from './service-point.entity';
export * from './street-ward.entity';
export * from './street.entity';

/** Every entity, listed explicitly so the compiled output needs no glob. */
export const ENTITIES = [
  AdministrativeUnitEntity,
  AdministrativeUnitSuccessionEntity,
  StreetEntity,
  StreetWardEntity,
  PlateEntity,
  QrAssetEntity,
  ServicePointEntity,
  ServicePointClosureEntity,
  ProcedureEntity,
  ProcedureChannelEntity,
  OfficialEntity,
  OfficialWardScopeEntity,
  OfficialSessionEntity,
  AuditEventEntity,
  ScanCountEntity,
  BatchEntity,
  BatchItemEntity,
  ProcedureLocalNoteEntity,
];
