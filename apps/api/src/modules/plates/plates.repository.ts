import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AdministrativeUnitEntity, PlateEntity, StreetWardEntity } from '@pho-so/server/db';

/** Reads plates and their street; no rules here, only queries. */
@Injectable()
export class PlatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The plate with this canonical code, with its street. */
  findByCode(code: string): Promise<PlateEntity | null> {
    return this.dataSource.getRepository(PlateEntity).findOne({ where: { code }, relations: { street: true } });
  }

  /** The street's wards that are current (after the 2025 reform), home ward first. */
  currentWards(streetId: string): Promise<AdministrativeUnitEntity[]> {
    return this.dataSource
      .getRepository(AdministrativeUnitEntity)
      .createQueryBuilder('u')
      .innerJoin(StreetWardEntity, 'sw', 'sw.ward_id = u.id')
      .where('sw.street_id = :streetId', { streetId })
      .andWhere('u.valid_to IS NULL')
      .orderBy('sw.ordinal', 'ASC')
      .addOrderBy('u.name', 'ASC')
      .getMany();
  }
}
