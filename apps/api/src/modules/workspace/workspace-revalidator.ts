import { Inject, Injectable, Logger } from '@nestjs/common';
import { jobId, type JobQueue, type PhoSoJobs } from '@pho-so/server/queue';
import { JOB_QUEUE } from '../../jobs/jobs.module';

/**
 * After an edit commits, asks (through the queue, so it is retried while the web app is down) for the
 * public pages showing the changed records to be regenerated. Never throws: the edit is already saved,
 * and a page left unrevalidated still refreshes within its ISR interval.
 */
@Injectable()
export class WorkspaceRevalidator {
  private readonly logger = new Logger('workspace');

  constructor(@Inject(JOB_QUEUE) private readonly queue: JobQueue<PhoSoJobs>) {}

  /** `key` names the edit (record and new version), so a redelivered request enqueues one job. */
  async afterCommit(key: (string | number)[], tags: string[]): Promise<void> {
    try {
      await this.queue.enqueue('web.revalidate', { tags: [...new Set(tags)] }, { jobId: jobId('web-revalidate', ...key) });
    } catch (error) {
      this.logger.warn(`could not enqueue page revalidation for ${tags.join(', ')}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
