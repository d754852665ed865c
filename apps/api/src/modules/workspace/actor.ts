/**
 * The official acting in the workspace, as the session guard will hand it over. `wardIds` are
 * administrative_unit ids of wards; an admin acts on every ward whatever the list says.
 */
export interface Actor {
  id: string;
  email: string;
  role: 'admin' | 'ward_editor';
  wardIds: readonly number[];
}

/** How a query is restricted to the actor's wards: `all` for an admin, else the ward ids (maybe none). */
export interface WardScope {
  all: boolean;
  wardIds: number[];
}

export function wardScope(actor: Actor): WardScope {
  if (actor.role === 'admin') return { all: true, wardIds: [] };
  return { all: false, wardIds: actor.wardIds.filter((id) => Number.isSafeInteger(id)) };
}

export function inScope(scope: WardScope, wardId: number | null): boolean {
  return scope.all || (wardId !== null && scope.wardIds.includes(wardId));
}

/** A clock the services read instead of `new Date()`, so tests can move time (freshness, confirmations). */
export type Clock = () => Date;
export const WORKSPACE_CLOCK = Symbol('WORKSPACE_CLOCK');
export const systemClock: Clock = () => new Date();
