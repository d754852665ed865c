import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  PlateEntity,
  ProcedureEntity,
  ServicePointEntity,
  StreetEntity,
  nearestServicePoints,
  type NearestServicePointRow,
} from '@pho-so/server/db';

export interface PointAtDistance extends NearestServicePointRow {
  wardId: number | null;
}

/** Reads streets, plates and service points for the "where to go" answers; queries only. */
@Injectable()
export class ServicePointsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The street with its current wards (ward units joined), home ward (ordinal 0) first. */
  findStreet(slug: string): Promise<StreetEntity | null> {
    return this.dataSource.getRepository(StreetEntity).findOne({
      where: { slug },
      relations: { wards: { ward: true } },
      order: { wards: { ordinal: 'ASC' } },
    });
  }

  /** A plate by its canonical code. */
  findPlate(code: string): Promise<PlateEntity | null> {
    return this.dataSource.getRepository(PlateEntity).findOne({ where: { code } });
  }

  /**
   * The service points in the given wards with their great-circle distance from `from` (the same
   * `earth_distance` as the nearest-point query, so the two lists compare).
   */
  async pointsInWards(wardIds: readonly number[], from: { lat: number; lng: number }): Promise<PointAtDistance[]> {
    if (wardIds.length === 0) return [];
    const placeholders = wardIds.map((_, i) => `$${i + 3}`).join(', ');
    const rows: { id: string; ward_id: number; distance_m: number | string }[] = await this.dataSource.query(
      `SELECT id, ward_id, earth_distance(ll_to_earth(lat, lng), ll_to_earth($1, $2)) AS distance_m
         FROM service_point
        WHERE ward_id IN (${placeholders})
        ORDER BY distance_m, id`,
      [from.lat, from.lng, ...wardIds],
    );
    return rows.map((row) => ({ id: row.id, wardId: Number(row.ward_id), distanceM: Number(row.distance_m) }));
  }

  /** The `limit` service points nearest to `from` (KNN on the GiST index). */
  nearest(from: { lat: number; lng: number }, limit: number): Promise<NearestServicePointRow[]> {
    return nearestServicePoints(this.dataSource.manager, from, limit);
  }

  /** Service points with their ward and closures (closures in date order). */
  async findPoints(ids: readonly string[]): Promise<Map<string, ServicePointEntity>> {
    if (ids.length === 0) return new Map();
    const points = await this.dataSource.getRepository(ServicePointEntity).find({
      where: { id: In([...ids]) },
      relations: { ward: true, closures: true },
      order: { closures: { startsOn: 'ASC', endsOn: 'ASC' } },
    });
    return new Map(points.map((point) => [point.id, point]));
  }

  /** One service point with its ward, closures and the official who last confirmed it. */
  findPoint(id: string): Promise<ServicePointEntity | null> {
    return this.dataSource.getRepository(ServicePointEntity).findOne({
      where: { id },
      relations: { ward: true, closures: true, lastConfirmedBy: true },
      order: { closures: { startsOn: 'ASC', endsOn: 'ASC' } },
    });
  }

  /** Names of the procedures with these codes, by code. */
  async procedureNames(codes: readonly string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(ProcedureEntity)
      .find({ select: { code: true, name: true }, where: { code: In([...codes]) } });
    return new Map(rows.map((row) => [row.code, row.name]));
  }
}
