// Opening hours of service points, evaluated in Vietnamese time with Vietnamese holidays applied.
export {
  toVietnamWallClock,
  fromVietnamWallClock,
  formatVietnamIso,
  VIETNAM_UTC_OFFSET_MINUTES,
  type VietnamWallClock,
} from './vietnam-time';
export {
  compileOpeningHours,
  OpeningHoursError,
  type CompiledOpeningHours,
  type MinuteInterval,
  type OpeningHoursProblem,
  type OpeningHoursProblemCode,
} from './compile-opening-hours';
export * from './validate-opening-hours';
export type { Closure } from './day-plan';
export * from './opening-status';
export * from './week-schedule';
export * from './upcoming-days-off';
export * from './describe-next-change';
