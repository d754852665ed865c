// Vietnamese public holidays and the Vietnamese lunar calendar they depend on.
export {
  solarToLunar,
  lunarToSolar,
  leapMonthOf,
  lunarMonthLength,
  VIETNAM_UTC_OFFSET_HOURS,
  type LunarDate,
} from './lunar-calendar';
export * from './vietnam-holidays';
export { ANNOUNCED_SCHEDULES } from './announced-schedules';
