import { Module } from '@nestjs/common';
import { AdminTokenGuard } from '../../common/admin-token.guard';
import { QrBatchesController } from './qr-batches.controller';
import { QrBatchesService } from './qr-batches.service';

@Module({
  controllers: [QrBatchesController],
  providers: [QrBatchesService, AdminTokenGuard],
})
export class QrBatchesModule {}
