import type { OfficialRole } from '@pho-so/server/db';

/** The official a valid session belongs to, as guards and handlers see it. */
export interface SessionOfficial {
  id: string;
  email: string;
  displayName: string;
  role: OfficialRole;
  /** Wards of a ward_editor (GSO-code unit ids from official_ward_scope); [] for admin, who has every ward. */
  wardIds: readonly number[];
}

/** The session of the current request (set by OfficialSessionGuard). */
export interface RequestSession {
  id: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    official?: SessionOfficial;
    officialSession?: RequestSession;
  }
}
