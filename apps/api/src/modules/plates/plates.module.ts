import { Module } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AppConfig } from '@pho-so/server/config';
import { APP_CONFIG, REDIS_CLIENT } from '@pho-so/server/nest';
import { PlatesController } from './plates.controller';
import { PlatesRepository } from './plates.repository';
import { PlatesService } from './plates.service';
import { MemoryScanCountStore } from './scans/memory-scan-count.store';
import { RedisScanCountStore } from './scans/redis-scan-count.store';
import { ScanCountRepository } from './scans/scan-count.repository';
import { SCAN_COUNT_STORE, type ScanCountStore } from './scans/scan-count.store';
import { ScanCounterService } from './scans/scan-counter.service';

/** A process whose heartbeat is this old is taken for dead and its unwritten scan counts are taken over. */
const aliveTtlMs = (config: AppConfig) => Math.max(60_000, 6 * config.SCAN_FLUSH_INTERVAL_MS);

@Module({
  controllers: [PlatesController],
  providers: [
    PlatesService,
    PlatesRepository,
    ScanCountRepository,
    ScanCounterService,
    {
      provide: SCAN_COUNT_STORE,
      inject: [REDIS_CLIENT, APP_CONFIG],
      useFactory: (redis: Redis | null, config: AppConfig): ScanCountStore =>
        redis ? new RedisScanCountStore(redis, config.REDIS_KEY_PREFIX, aliveTtlMs(config)) : new MemoryScanCountStore(),
    },
  ],
  exports: [PlatesService, ScanCounterService],
})
export class PlatesModule {}
