import { Controller, Get, Header, HttpCode, HttpStatus } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadinessService, type ReadinessReport } from '@pho-so/server/nest';
import { ProblemException } from '../../common/problem-details.filter';
import { problemType } from '../../common/problem-details';

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
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The database (and Redis, when configured) answer' })
  async ready(): Promise<{ status: 'ready' } & ReadinessReport> {
    const report = await this.readiness.check();
    if (report.ready) return { status: 'ready', ...report };
    const down = Object.entries(report.checks).filter(([, s]) => s === 'down').map(([name]) => name);
    throw new ProblemException({
      type: problemType('not-ready'),
      title: 'Not ready',
      status: HttpStatus.SERVICE_UNAVAILABLE,
      detail: `Not ready: ${down.join(' and ')} not reachable.`,
      ...report,
    });
  }
}
