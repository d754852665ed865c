import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@pho-so/server/config';
import { createAssetStorage, qrJobHandlers, type Renderer } from '@pho-so/server/qr-assets';
import { revalidateWebHandlers, withJobLogContext, type JobHandlers, type PhoSoJobs } from '@pho-so/server/queue';

/**
 * Processor per job name; the API's in-process runner (no REDIS_URL) uses the same processors.
 * A job whose name has no processor here fails visibly. Every line logged while a job runs carries
 * its `jobId` and `job` name.
 */
export function jobHandlers(dataSource: DataSource, config: AppConfig, renderer?: Renderer): JobHandlers<PhoSoJobs> {
  return withJobLogContext({
    ...qrJobHandlers({ dataSource, storage: createAssetStorage(config), settings: config, renderer }),
    ...revalidateWebHandlers(config, { logger: new Logger('web.revalidate') }),
  });
}
