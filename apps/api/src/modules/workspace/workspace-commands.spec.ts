// The edit commands' validation: every failure is an EditValidationError whose issues name the field
// and say, in Vietnamese and in English, what to fix.
import fc from 'fast-check';
import { workspaceMessages } from '@pho-so/shared/contracts';
import { parseCommand, platePatchSchema, procedureNotePatchSchema, servicePointPatchSchema, streetPatchSchema } from './workspace-commands';
import { EditValidationError } from './workspace.errors';

function issuesOf(schema: Parameters<typeof parseCommand>[0], input: unknown) {
  try {
    parseCommand(schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(EditValidationError);
    return (error as EditValidationError).issues;
  }
  throw new Error('expected a validation error');
}

const point = (patch: Record<string, unknown>) => issuesOf(servicePointPatchSchema, { baseVersion: 3, ...patch });

describe('workspace edit commands', () => {
  it('every catalogue message exists in Vietnamese and English, and they differ', () => {
    for (const [code, message] of Object.entries(workspaceMessages)) {
      if (code === 'openingHours.invalid') continue; // filled from the opening-hours validator's own vi/en text
      expect(message.vi.length).toBeGreaterThan(20);
      expect(message.en.length).toBeGreaterThan(20);
      expect(message.vi).not.toBe(message.en);
    }
  });

  it('bad opening hours: the OSM validator’s explanation in both languages, with an example', () => {
    const [issue] = point({ openingHours: 'Thứ 2 - Thứ 6 7h30-17h' });
    expect(issue).toMatchObject({ path: 'openingHours', code: 'openingHours.invalid' });
    expect(issue!.message.vi).toMatch(/Giờ mở cửa chưa đúng cú pháp.*Ví dụ đúng: Mo-Fr 07:30-11:30/);
    expect(issue!.message.vi).toContain('Mo Tu We Th Fr Sa Su');
    expect(issue!.message.en).toMatch(/Not valid OpenStreetMap opening_hours syntax.*Example: Mo-Fr/);
    expect(issue!.message.en).toContain('not "7h30"');
    expect(point({ openingHours: '' })[0]!.message).toEqual({ vi: expect.stringContaining('Chưa nhập giờ mở cửa'), en: expect.stringContaining('empty') });
    expect(point({ openingHours: 'Mo-Fr 07:30-17:00; PH off' })[0]!.message.en).toContain('Do not use PH');
  });

  it('bad phones', () => {
    for (const phone of ['12345', '0227 383 12', 'gọi cho tôi', '+1 202 555 0100', '0'.repeat(50), 42]) {
      const [issue] = point({ phone });
      expect(issue).toMatchObject({ path: 'phone', code: 'phone.invalid' });
      expect(issue!.message.vi).toContain('Số điện thoại chưa đúng');
      expect(issue!.message.en).toContain('The phone number is not valid: enter 10 or 11 digits');
    }
    for (const phone of ['0227 3831 234', '0912.345.678', '+84 912 345 678', '1900 1234', '(0227) 383-1234']) {
      expect(() => parseCommand(servicePointPatchSchema, { baseVersion: 1, phone })).not.toThrow();
    }
    expect(parseCommand(servicePointPatchSchema, { baseVersion: 1, phone: '  ' }).phone).toBeNull();
  });

  it('bad coordinates: outside Vietnam (swapped lat/lng included), not numbers', () => {
    const [outside] = point({ location: { lat: 106.34, lng: 20.45 } });
    expect(outside).toMatchObject({ path: 'location', code: 'location.outsideVietnam' });
    expect(outside!.message.vi).toContain('ngoài Việt Nam');
    expect(outside!.message.en).toContain('latitude and longitude are not swapped');
    expect(point({ location: { lat: 48.85, lng: 2.35 } })[0]!.code).toBe('location.outsideVietnam');
    expect(point({ location: { lat: '20.4', lng: 106.3 } })[0]).toMatchObject({ path: 'location.lat', code: 'location.invalid' });
    expect(point({ location: { lat: Number.NaN, lng: 106.3 } })[0]!.code).toBe('location.invalid');
    expect(issuesOf(platePatchSchema, { baseVersion: 1, location: { lat: 0, lng: 0 } })[0]!.code).toBe('location.outsideVietnam');
    expect(parseCommand(platePatchSchema, { baseVersion: 1, location: null }).location).toBeNull();
  });

  it('bad dates and closures', () => {
    const closure = (from: string, to: string) => point({ closures: [{ from, to, reason: 'Sửa trụ sở' }] });
    expect(closure('2026-02-30', '2026-03-01')[0]).toMatchObject({ path: 'closures.0.from', code: 'date.invalid' });
    expect(closure('2026-02-30', '2026-03-01')[0]!.message).toEqual({
      vi: expect.stringContaining('ngày có thật dạng NNNN-TT-NN'),
      en: expect.stringContaining('a real date as YYYY-MM-DD'),
    });
    expect(closure('16/02/2026', '2026-03-01')[0]!.code).toBe('date.invalid');
    expect(closure('2026-03-05', '2026-03-01')[0]).toMatchObject({ path: 'closures.0.to', code: 'closure.endBeforeStart' });
    const overlap = point({
      closures: [
        { from: '2026-03-01', to: '2026-03-05', reason: 'a' },
        { from: '2026-03-05', to: '2026-03-06', reason: 'b' },
      ],
    });
    expect(overlap[0]!.code).toBe('closure.overlap');
    expect(point({ closures: [{ from: '2026-03-01', to: '2026-03-01', reason: '  ' }] })[0]).toMatchObject({ path: 'closures.0.reason', code: 'text.required' });
  });

  it('plain text: control and bidi characters removed, lengths limited with the limit in the message, HTML kept as text', () => {
    const parsed = parseCommand(servicePointPatchSchema, { baseVersion: 1, name: ' Trung\u0000 tâm\u202E \n<b>A</b> ', accessibilityNotes: 'Dòng 1\r\nDòng 2\u0007' });
    expect(parsed.name).toBe('Trung tâm <b>A</b>');
    expect(parsed.accessibilityNotes).toBe('Dòng 1\nDòng 2');
    const [tooLong] = point({ name: 'x'.repeat(201) });
    expect(tooLong).toMatchObject({ path: 'name', code: 'text.tooLong', message: { vi: expect.stringContaining('200'), en: expect.stringContaining('at most 200') } });
    expect(point({ name: 'x'.repeat(5000) })[0]!.code).toBe('text.tooLong');
    expect(point({ name: '\u0000\u0001' })[0]!.code).toBe('text.required');
    // Decomposed Vietnamese (as some keyboards type it) is stored composed.
    expect(parseCommand(servicePointPatchSchema, { baseVersion: 1, name: 'Tra\u0300n' }).name).toBe('Tr\u00e0n');
  });

  it('other fields: unknown keys, base version, emails, plate status, procedure codes, namesake', () => {
    expect(point({ website: 'x' })[0]).toMatchObject({ code: 'field.unknown', message: { en: expect.stringContaining('website') } });
    expect(issuesOf(servicePointPatchSchema, { name: 'x' })[0]).toMatchObject({ path: 'baseVersion', code: 'baseVersion.invalid' });
    expect(point({ email: 'không phải email' })[0]!.code).toBe('email.invalid');
    expect(issuesOf(platePatchSchema, { baseVersion: 1, status: 'stolen' })[0]).toMatchObject({ path: 'status', code: 'plateStatus.invalid' });
    expect(point({ proceduresNotAccepted: ['1.001193', '1.001193'] })[0]).toMatchObject({ path: 'proceduresNotAccepted.1', code: 'procedureCode.duplicate' });
    expect(point({ proceduresNotAccepted: ['khai sinh'] })[0]!.code).toBe('procedureCode.invalid');
    expect(issuesOf(streetPatchSchema, { baseVersion: 1, namesake: { text: 'x' } })[0]).toMatchObject({ path: 'namesake.source', code: 'text.notText' });
    expect(issuesOf(procedureNotePatchSchema, { baseVersion: -1, note: 'x' })[0]!.code).toBe('baseVersion.invalid');
    expect(issuesOf(servicePointPatchSchema, null)[0]!.message.vi).toBeTruthy();
  });

  it('generated bad inputs never throw anything but a validation error with messages in both languages', () => {
    const anything = fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true });
    const fields = ['baseVersion', 'name', 'address', 'location', 'phone', 'email', 'openingHours', 'closures', 'accessibilityNotes', 'proceduresNotAccepted', 'status', 'positionDescription', 'startDescription', 'endDescription', 'namesake', 'note'];
    const command = fc.oneof(
      anything,
      fc.dictionary(fc.constantFrom(...fields), fc.oneof(anything, fc.string(), fc.string({ unit: 'binary', maxLength: 3000 }), fc.double(), fc.record({ lat: fc.double(), lng: fc.double() }))),
    );
    for (const schema of [servicePointPatchSchema, streetPatchSchema, platePatchSchema, procedureNotePatchSchema]) {
      fc.assert(
        fc.property(command, (input) => {
          try {
            parseCommand(schema, input);
          } catch (error) {
            if (!(error instanceof EditValidationError)) throw error;
            for (const issue of error.issues) {
              if (!issue.message.vi || !issue.message.en) throw new Error(`issue without a message: ${JSON.stringify(issue)}`);
            }
          }
        }),
        { numRuns: 500 },
      );
    }
  });
});
