import { WALKING_DETOUR_FACTOR, WALKING_MODEL_DESCRIPTION, WALKING_SPEED_KMH, walkingMinutes } from './walking';

describe('walkingMinutes', () => {
  it('walks 4.5 km/h over 1.3 × the straight-line distance', () => {
    expect(WALKING_SPEED_KMH).toBe(4.5);
    expect(WALKING_DETOUR_FACTOR).toBe(1.3);
    // 750 m straight → 975 m walked → exactly 13 minutes at 75 m/min; floating point must not make it 14.
    expect(walkingMinutes(750)).toBe(13);
    // 1 km straight → 1,300 m → 17.33 → 18 minutes (rounded up).
    expect(walkingMinutes(1000)).toBe(18);
  });

  it('rounds any started minute up, and nothing is zero minutes away unless it is here', () => {
    expect(walkingMinutes(0)).toBe(0);
    expect(walkingMinutes(1)).toBe(1);
    expect(walkingMinutes(57.69)).toBe(1);
    expect(walkingMinutes(57.7)).toBe(2);
  });

  it('refuses a distance that is not a distance', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => walkingMinutes(bad)).toThrow(RangeError);
  });

  it('states the model in both languages', () => {
    expect(WALKING_MODEL_DESCRIPTION.en).toContain('4.5 km/h');
    expect(WALKING_MODEL_DESCRIPTION.vi).toContain('4,5 km/h');
  });
});
