// What other feature modules use to protect their routes (AuthModule is global: no import needed).
export { AuthModule } from './auth.module';
export { OfficialSessionGuard, CurrentOfficial } from './official-session.guard';
export { AdminOnly, AdminOnlyGuard } from './admin-only.guard';
export { AuthClock } from './auth-clock';
export type { SessionOfficial } from './auth.types';
