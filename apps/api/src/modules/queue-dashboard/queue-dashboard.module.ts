import { dirname } from 'node:path';
import { Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BullMqJobQueue, type JobQueue, type PhoSoJobs } from '@pho-so/server/queue';
import { JOB_QUEUE } from '../../jobs/jobs.module';
import { QUEUE_DASHBOARD_PATH, QueueDashboardAccess } from './queue-dashboard-access';

/**
 * Bull Board, the BullMQ dashboard, for administrators at /api/v1/admin/queues (Fastify plugin, so it
 * is mounted with the global prefix written out). It shows the platform's one queue (`pho-so`, keys
 * under REDIS_KEY_PREFIX) through the API's own producer connection. Every request under the mount
 * (pages, Bull Board's JSON API, its assets, unknown paths) passes `QueueDashboardAccess` first and is
 * answered `Cache-Control: no-store`. Without Redis (in-process jobs) nothing is mounted and admins get
 * a 503 problem saying that the dashboard needs Redis.
 */
@Module({ providers: [QueueDashboardAccess] })
export class QueueDashboardModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly access: QueueDashboardAccess,
    @Inject(JOB_QUEUE) private readonly jobQueue: JobQueue<PhoSoJobs>,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    const queue = this.jobQueue instanceof BullMqJobQueue ? this.jobQueue.queue : null;
    const dashboardRequests = new WeakSet<FastifyRequest>();
    fastify.addHook('onRequest', async (request, reply) => {
      if (!this.access.inScope(request)) return;
      dashboardRequests.add(request);
      if (!(await this.access.admit(request, reply, queue !== null))) return reply;
    });
    // Last word on caching: @fastify/static marks Bull Board's assets `public, max-age=0`.
    fastify.addHook('onSend', async (request, reply, payload) => {
      if (dashboardRequests.has(request)) void reply.header('cache-control', 'no-store');
      return payload;
    });
    if (!queue) return;

    const serverAdapter = new BullBoardFastifyAdapter();
    serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: [new BullMQAdapter(queue, { description: 'qr.render, web.revalidate' })],
      serverAdapter,
      options: {
        uiBasePath: dirname(require.resolve('@bull-board/ui/package.json')),
        uiConfig: {
          boardTitle: 'Phố Số · Hàng đợi / Queues',
          miscLinks: [{ text: 'Quản trị / Workspace', url: '/quan-tri' }],
        },
      },
    });
    void fastify.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
    new Logger('queue-dashboard').log(`Bull Board at ${QUEUE_DASHBOARD_PATH} (admins)`);
  }
}
