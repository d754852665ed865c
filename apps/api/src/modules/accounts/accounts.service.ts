import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { checkPassword, PasswordHasher } from '@pho-so/server/auth';
import { AuthClock, type SessionOfficial } from '../auth';
import type { BilingualFieldError } from '../auth/auth-problems';
import { checkRoleWards, type CreateAccountBody, type SetPasswordBody, type UpdateAccountBody } from './accounts-body';
import { invalidBody } from '../auth/auth-problems';
import { accountExists, accountNotFound } from './accounts-problems';
import { AccountsRepository, type AccountAudit, type AccountRow } from './accounts.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AdminContext {
  admin: SessionOfficial;
  requestId: string | null;
}

/**
 * Account management for administrators: list, create, edit (name, role, wards, disabled), set a
 * password. Every change is audited in its own transaction, one row per field, old → new (never a
 * password or its hash). Disabling an account or setting its password ends all of its sessions.
 */
@Injectable()
export class AccountsService {
  private readonly hasher = new PasswordHasher();

  constructor(
    private readonly repository: AccountsRepository,
    private readonly clock: AuthClock,
  ) {}

  list(): Promise<AccountRow[]> {
    return this.repository.list();
  }

  async get(id: string): Promise<AccountRow> {
    if (!UUID.test(id)) throw accountNotFound();
    const account = await this.repository.find(id);
    if (!account) throw accountNotFound();
    return account;
  }

  private passwordProblem(password: string, email: string): BilingualFieldError | null {
    const verdict = checkPassword(password, { email });
    return verdict.ok ? null : { field: 'password', message: verdict.message?.en ?? 'does not meet the password policy', message_vi: verdict.message?.vi ?? 'không đạt chính sách mật khẩu' };
  }

  private async wardIds(manager: EntityManager, codes: readonly string[]): Promise<number[]> {
    const { ids, unknown } = await this.repository.wardIdsOf(manager, codes);
    if (unknown.length > 0) {
      throw invalidBody([
        {
          field: 'wards',
          message: `no current ward has the code ${unknown.slice(0, 5).join(', ')}: use the GSO codes of today's wards`,
          message_vi: `không có phường hiện hành nào mang mã ${unknown.slice(0, 5).join(', ')}: hãy dùng mã GSO của các phường hiện nay`,
        },
      ]);
    }
    return ids;
  }

  private audit(context: AdminContext, entityId: string, action: AccountAudit['action'], at: Date, field: string | null = null, oldValue?: unknown, newValue?: unknown): AccountAudit {
    return { actorId: context.admin.id, actorLabel: context.admin.email, action, entityId, field, oldValue, newValue, requestId: context.requestId, at };
  }

  async create(body: CreateAccountBody, context: AdminContext): Promise<AccountRow> {
    const weak = this.passwordProblem(body.password, body.email);
    if (weak) throw invalidBody([weak]);
    const passwordHash = await this.hasher.hash(body.password);
    const at = this.clock.now();
    return this.repository.transaction(async (manager) => {
      if (await this.repository.emailExists(manager, body.email)) throw accountExists(body.email);
      const wardIds = await this.wardIds(manager, body.wards);
      const id = await this.repository.insert(manager, { email: body.email, displayName: body.displayName, role: body.role, passwordHash, at });
      await this.repository.setWards(manager, id, wardIds);
      await this.repository.audit(manager, this.audit(context, id, 'account_created', at, null, null, { email: body.email, displayName: body.displayName, role: body.role, wards: [...body.wards].sort() }));
      return (await this.repository.find(id, manager))!;
    });
  }

  async update(id: string, body: UpdateAccountBody, context: AdminContext): Promise<AccountRow> {
    const current = await this.get(id);
    const self = id === context.admin.id;
    const errors: BilingualFieldError[] = [];
    if (self && body.disabled === true) errors.push({ field: 'disabled', message: 'you cannot disable your own account', message_vi: 'bạn không thể tự khóa tài khoản của mình' });
    if (self && body.role !== undefined && body.role !== 'admin') errors.push({ field: 'role', message: 'you cannot take the admin role from your own account', message_vi: 'bạn không thể tự bỏ quyền quản trị của mình' });
    const role = body.role ?? current.role;
    // An admin has every ward: turning an editor into an admin drops its ward list.
    const wards = body.wards ?? (role === 'admin' ? [] : current.wards.map((w) => w.code));
    if (errors.length === 0) checkRoleWards(errors, role, wards);
    if (errors.length > 0) throw invalidBody(errors);
    const at = this.clock.now();
    return this.repository.transaction(async (manager) => {
      if (!(await this.repository.lock(manager, id))) throw accountNotFound();
      const before = (await this.repository.find(id, manager))!;
      const wardIds = await this.wardIds(manager, wards);
      const changes: Array<[string, unknown, unknown]> = [];
      if (body.displayName !== undefined && body.displayName !== before.displayName) changes.push(['displayName', before.displayName, body.displayName]);
      if (role !== before.role) changes.push(['role', before.role, role]);
      const oldCodes = before.wards.map((w) => w.code).sort();
      const newCodes = [...wards].sort();
      if (oldCodes.join(',') !== newCodes.join(',')) changes.push(['wards', oldCodes, newCodes]);
      if (body.disabled !== undefined && body.disabled !== before.disabled) changes.push(['disabled', before.disabled, body.disabled]);
      if (changes.length === 0) return before;
      await this.repository.update(
        manager,
        id,
        {
          ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
          ...(role !== before.role ? { role } : {}),
          ...(body.disabled !== undefined && body.disabled !== before.disabled ? { disabledAt: body.disabled ? at : null } : {}),
        },
        at,
      );
      if (oldCodes.join(',') !== newCodes.join(',')) await this.repository.setWards(manager, id, wardIds);
      // Disabled: its sessions end now (role and wards need not: every request reads them afresh).
      if (body.disabled === true) await this.repository.deleteSessionsOf(manager, id);
      for (const [field, oldValue, newValue] of changes) await this.repository.audit(manager, this.audit(context, id, 'account_updated', at, field, oldValue, newValue));
      return (await this.repository.find(id, manager))!;
    });
  }

  async setPassword(id: string, body: SetPasswordBody, context: AdminContext): Promise<void> {
    const account = await this.get(id);
    const weak = this.passwordProblem(body.password, account.email);
    if (weak) throw invalidBody([weak]);
    const passwordHash = await this.hasher.hash(body.password);
    const at = this.clock.now();
    await this.repository.transaction(async (manager) => {
      if (!(await this.repository.lock(manager, id))) throw accountNotFound();
      await this.repository.setPasswordHash(manager, id, passwordHash, at);
      await this.repository.deleteSessionsOf(manager, id);
      await this.repository.audit(manager, this.audit(context, id, 'account_password_set', at));
    });
  }
}
