import { HttpStatus, Injectable } from '@nestjs/common';
import { parsePlateCode } from '@pho-so/shared/domain';
import { PLATE_PROBLEM_TYPES, type PlateCodeMalformedReason, type PlateLookup } from '@pho-so/shared/contracts';
import { ProblemException } from '../../common/problem-details.filter';
import { toStreetPlate } from '../streets/streets.service';
import { PlatesRepository } from './plates.repository';
import { scannedCode } from './scans/scan-key';

/** What every "not an official plate" answer tells the citizen, whatever went wrong. */
const STAY_SAFE =
  'If you reached this page by scanning a QR code on a street plate, the sticker may not be an official Phố Số plate: ' +
  'do not enter personal data, passwords or payment details on any page it leads to. Phố Số never asks for them.';

/** From a plate code, as a person or a QR payload gives it, to the plate and its street. */
@Injectable()
export class PlatesService {
  constructor(private readonly repository: PlatesRepository) {}

  async byCode(input: string): Promise<PlateLookup> {
    const parsed = parsePlateCode(input);
    if (!parsed.ok) throw malformed(input, parsed.reason);
    const plate = await this.repository.findByCode(parsed.code);
    const street = plate?.street;
    if (!plate || !street) throw notFound(parsed.code);
    const wards = await this.repository.currentWards(street.id);
    return {
      plate: toStreetPlate(plate),
      street: {
        slug: street.slug,
        name: street.name,
        kind: street.kind,
        wards: wards.map((ward) => ({ code: ward.code, name: ward.name })),
        lengthM: street.lengthM,
        provenance: street.provenance,
      },
    };
  }
}

function malformed(input: string, reason: PlateCodeMalformedReason): ProblemException {
  const code = scannedCode(input) ?? '';
  const shown = code === '' ? 'This' : `"${code}"`;
  return new ProblemException({
    type: PLATE_PROBLEM_TYPES.malformed,
    title: 'Not a plate code',
    status: HttpStatus.NOT_FOUND,
    detail:
      reason === 'bad_check_character'
        ? `${shown} is not a valid plate code: its last character does not match the others, which is probably a typo. ` +
          `Check the code printed on the plate (for example TB-233AC) and type it again. ${STAY_SAFE}`
        : `${shown} is not a Phố Số plate code. Plate codes look like TB-233AC: two to four letters, a hyphen, then five ` +
          `letters or digits, printed on the plate under the QR code. ${STAY_SAFE}`,
    code,
    reason,
  });
}

function notFound(code: string): ProblemException {
  return new ProblemException({
    type: PLATE_PROBLEM_TYPES.notFound,
    title: 'Not an official plate',
    status: HttpStatus.NOT_FOUND,
    detail:
      `No official Phố Số plate has the code ${code}. Check that the code printed on the plate is ${code}; ` +
      `if it is and you scanned a QR code, the sticker is not an official Phố Số plate. ${STAY_SAFE}`,
    code,
  });
}
