import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The nearest-point index on a function that survives pg_dump / pg_restore.
 *
 * earthdistance 1.1 (PostgreSQL 15, and 16 before its SQL-standard bodies) defines `ll_to_earth` as a SQL
 * function whose body names `cube`, `earth()` and the type `earth` without a schema. pg_restore runs
 * with an empty search_path, so rebuilding a GiST index on `ll_to_earth(lat, lng)` fails with
 * `type "earth" does not exist` and a `--single-transaction` restore rolls back. `earth_point` is the
 * same expression with every name qualified (and still inlinable); the index and the nearest-point
 * query use it, the other side of `<->` may keep `ll_to_earth`. Same values: see the query's test.
 */
export class MakeEarthIndexRestorable1764307200000 implements MigrationInterface {
  name = 'MakeEarthIndexRestorable1764307200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION earth_point(lat double precision, lng double precision) RETURNS public.earth LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ ` +
        `SELECT public.cube(public.cube(public.cube(public.earth() * cos(radians($1)) * cos(radians($2))), public.earth() * cos(radians($1)) * sin(radians($2))), public.earth() * sin(radians($1)))::public.earth $$`,
    );
    // IF EXISTS: a dump taken before this migration is restored without its old index (the one item
    // pg_restore cannot rebuild, left out with --use-list: docs/operations.md), then migrated here.
    await queryRunner.query(`DROP INDEX IF EXISTS "public"."IDX_service_point_earth"`);
    await queryRunner.query(`CREATE INDEX "IDX_service_point_earth" ON "service_point" USING gist (earth_point("lat", "lng"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_service_point_earth"`);
    await queryRunner.query(`CREATE INDEX "IDX_service_point_earth" ON "service_point" USING gist (ll_to_earth("lat", "lng"))`);
    await queryRunner.query(`DROP FUNCTION earth_point(double precision, double precision)`);
  }
}
