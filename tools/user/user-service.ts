// What `npm run user` does to the database; the same hashing and policy the API uses.
import { IsNull, type DataSource } from 'typeorm';
import { checkPassword, PasswordHasher } from '@pho-so/server/auth';
import { AdministrativeUnitEntity, OfficialEntity, OfficialSessionEntity, OfficialWardScopeEntity, AuditEventEntity } from '@pho-so/server/db';

/** A refusal the operator can act on (exit 1, message on stderr). */
export class UserCommandRefused extends Error {}

const hasher = new PasswordHasher();

function assertStrong(password: string, email: string): void {
  const verdict = checkPassword(password, { email });
  if (!verdict.ok) throw new UserCommandRefused(`password refused: it ${verdict.message?.en ?? 'does not meet the policy'}`);
}

const audit = (action: string, official: OfficialEntity, newValue?: unknown) => ({
  actorId: null,
  actorLabel: 'cli',
  action,
  entityType: 'official',
  entityId: official.id,
  field: null,
  ...(newValue !== undefined ? { newValue: newValue as object } : {}),
  requestId: null,
});

export async function createUser(
  dataSource: DataSource,
  input: { email: string; role: 'admin' | 'ward_editor'; name: string | null; wards: string[]; password: string },
): Promise<OfficialEntity> {
  assertStrong(input.password, input.email);
  const passwordHash = await hasher.hash(input.password);
  return dataSource.transaction(async (manager) => {
    if (await manager.getRepository(OfficialEntity).existsBy({ email: input.email })) {
      throw new UserCommandRefused(`an account ${input.email} exists already (use set-password to change its password)`);
    }
    const wardIds: number[] = [];
    for (const code of input.wards) {
      const unit = await manager.getRepository(AdministrativeUnitEntity).findOneBy({ code, validTo: IsNull() });
      if (!unit) throw new UserCommandRefused(`no current ward with GSO code ${code} (import the administrative units first)`);
      wardIds.push(unit.id);
    }
    const official = await manager.getRepository(OfficialEntity).save({
      email: input.email,
      displayName: input.name ?? input.email.split('@')[0]!,
      role: input.role,
      passwordHash,
      passwordChangedAt: new Date(),
      disabledAt: null,
    });
    for (const wardId of wardIds) await manager.getRepository(OfficialWardScopeEntity).insert({ officialId: official.id, wardId });
    await manager.getRepository(AuditEventEntity).insert(audit('account_created', official, { role: input.role, wards: input.wards }));
    return official;
  });
}

async function findOfficial(dataSource: DataSource, email: string): Promise<OfficialEntity> {
  const official = await dataSource.getRepository(OfficialEntity).findOneBy({ email });
  if (!official) throw new UserCommandRefused(`no account ${email}`);
  return official;
}

export async function setPassword(dataSource: DataSource, email: string, password: string): Promise<void> {
  const official = await findOfficial(dataSource, email);
  assertStrong(password, email);
  const passwordHash = await hasher.hash(password);
  await dataSource.transaction(async (manager) => {
    await manager.getRepository(OfficialEntity).update({ id: official.id }, { passwordHash, passwordChangedAt: new Date() });
    await manager.getRepository(OfficialSessionEntity).delete({ officialId: official.id });
    await manager.getRepository(AuditEventEntity).insert(audit('password_changed', official));
  });
}

export async function disableUser(dataSource: DataSource, email: string): Promise<void> {
  const official = await findOfficial(dataSource, email);
  await dataSource.transaction(async (manager) => {
    await manager.getRepository(OfficialEntity).update({ id: official.id }, { disabledAt: new Date() });
    await manager.getRepository(OfficialSessionEntity).delete({ officialId: official.id });
    await manager.getRepository(AuditEventEntity).insert(audit('account_disabled', official));
  });
}
