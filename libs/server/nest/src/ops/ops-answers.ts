import type { DependencyStatus } from '../readiness.service';
import { jsonAnswer, type OpsAnswer } from './ops-http-server';

// Framework-free: what the ops health routes answer, from a readiness report.

/** What a readiness check reports: `ready`, and each dependency's status by name. */
export interface OpsReadinessReport {
  ready: boolean;
  checks: Record<string, DependencyStatus>;
}

/** The same problem type as the API's own /api/health/ready, so dashboards and scripts match both. */
export const NOT_READY_PROBLEM = '/api/problems/not-ready';

export const liveAnswer = (): OpsAnswer => jsonAnswer(200, { status: 'ok' });

/** 200 with the report, or a 503 problem naming what is down (or that the process is shutting down). */
export function readyAnswer(report: OpsReadinessReport, shuttingDown: boolean): OpsAnswer {
  if (report.ready && !shuttingDown) return jsonAnswer(200, { status: 'ready', ...report });
  const down = Object.entries(report.checks)
    .filter(([, status]) => status === 'down')
    .map(([name]) => name);
  const reasons = [...(down.length > 0 ? [`${down.join(' and ')} not reachable`] : []), ...(shuttingDown ? ['shutting down'] : [])];
  return jsonAnswer(
    503,
    { type: NOT_READY_PROBLEM, title: 'Not ready', status: 503, detail: `Not ready: ${reasons.join('; ')}.`, ...report, ready: false, down },
    'application/problem+json; charset=utf-8',
  );
}
