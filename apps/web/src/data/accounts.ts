// Officials' accounts as the admin pages read them from /api/v1/admin/accounts, and the one-shot
// messages (flash) of their forms. The flash travels in the workspace's flash cookies (lib/flash.ts),
// which carry any JSON; these kinds are read only by the accounts pages.
import type { WorkspaceAccount } from '@pho-so/shared/contracts';
import type { Flash } from '../lib/flash';

export type Account = WorkspaceAccount;

type Bilingual = { vi: string; en: string };
export type AccountForm = 'create' | 'edit' | 'password';

export type AccountsFlash =
  | { kind: 'account-created'; email: string }
  | { kind: 'account-saved' }
  | { kind: 'account-password-set' }
  | { kind: 'account-invalid'; form: AccountForm; values: Record<string, string>; errors: Array<{ field: string; message: Bilingual }> };

const KINDS = new Set(['account-created', 'account-saved', 'account-password-set', 'account-invalid']);

/** The accounts flash among the workspace's flashes, or null. */
export function accountsFlashOf(flash: Flash | null): AccountsFlash | null {
  const value = flash as unknown as { kind?: unknown } | null;
  return value && typeof value.kind === 'string' && KINDS.has(value.kind) ? (value as AccountsFlash) : null;
}

/** Written to the same cookies as the workspace's own flashes. */
export const asFlash = (flash: AccountsFlash): Flash => flash as unknown as Flash;
