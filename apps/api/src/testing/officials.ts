import { IsNull, type DataSource } from 'typeorm';
import { PasswordHasher } from '@pho-so/server/auth';
import { AdministrativeUnitEntity, OfficialEntity, OfficialWardScopeEntity, type OfficialRole } from '@pho-so/server/db';
import type { TestApi } from './test-api';
import type { SessionOfficial } from '../modules/auth';

const hasher = new PasswordHasher();

export interface TestOfficialInput {
  email: string;
  password: string;
  role?: OfficialRole;
  displayName?: string;
  /** GSO codes of current units (e.g. 13225 Thái Bình); stored as official_ward_scope rows. */
  wardCodes?: readonly string[];
  disabled?: boolean;
}

/**
 * An official straight in the database (hashed as the API does). With a running test API use
 * `api.app.get(DataSource)`; before it starts, startTestApi's `beforeStart` data source.
 */
export async function createOfficial(dataSource: DataSource, input: TestOfficialInput): Promise<OfficialEntity> {
  const official = await dataSource.getRepository(OfficialEntity).save({
    email: input.email.toLowerCase(),
    displayName: input.displayName ?? input.email.split('@')[0]!,
    role: input.role ?? 'ward_editor',
    passwordHash: await hasher.hash(input.password),
    passwordChangedAt: new Date(),
    disabledAt: input.disabled ? new Date() : null,
  });
  for (const code of input.wardCodes ?? []) {
    const ward = await dataSource.getRepository(AdministrativeUnitEntity).findOneBy({ code, validTo: IsNull() });
    if (!ward) throw new Error(`createOfficial: no administrative unit with code ${code}`);
    await dataSource.getRepository(OfficialWardScopeEntity).insert({ officialId: official.id, wardId: ward.id });
  }
  return official;
}

export interface LoggedIn {
  /** The Cookie header to send (`pho_so_session=…`). */
  cookie: string;
  csrfToken: string;
  official: SessionOfficial;
}

/** Logs in through the API; throws with the answer when it is not 200. */
export async function loginAs(api: Pick<TestApi, 'base'>, email: string, password: string): Promise<LoggedIn> {
  const response = await fetch(`${api.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`loginAs ${email}: ${response.status} ${await response.text()}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  const body = (await response.json()) as { official: SessionOfficial; csrfToken: string };
  return { cookie: setCookie.split(';')[0]!, csrfToken: body.csrfToken, official: body.official };
}

/** Headers of a state-changing request in that session (cookie, CSRF token, JSON). */
export const sessionHeaders = (session: LoggedIn): Record<string, string> => ({
  cookie: session.cookie,
  'x-csrf-token': session.csrfToken,
  'content-type': 'application/json',
});
