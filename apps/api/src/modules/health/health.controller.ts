import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ReadinessService } from '@pho-so/server/nest';
import { PROBLEM_CONTENT_TYPE, problemType } from '../../common/problem-details';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  /** Liveness never touches the database: a slow database must not get a healthy process restarted. */
  @Get('live')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The process is running' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'The database (and Redis, when configured) answer' })
  async ready(@Res() response: Response): Promise<void> {
    const report = await this.readiness.check();
    response.setHeader('Cache-Control', 'no-store');
    if (report.ready) {
      response.status(HttpStatus.OK).json({ status: 'ready', ...report });
      return;
    }
    const down = Object.entries(report.checks).filter(([, s]) => s === 'down').map(([name]) => name);
    response
      .status(HttpStatus.SERVICE_UNAVAILABLE)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify({
        type: problemType('not-ready'),
        title: 'Not ready',
        status: HttpStatus.SERVICE_UNAVAILABLE,
        detail: `Not ready: ${down.join(' and ')} not reachable.`,
        ...report,
      }));
  }
}
