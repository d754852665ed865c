import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole first-cut domain model. Drafted from the entities with `tools/db/schema-diff`, then
 * reviewed by hand; the last block adds what TypeORM cannot express and must not touch
 * (its entities declare these indexes with `synchronize: false`):
 * - a unique natural key for administrative units, (code, start of validity), since GSO codes are
 *   reused across the 2025 reform, and at most one current (valid_to IS NULL) unit per code;
 * - accent-insensitive trigram indexes for street and procedure names (unaccent() is only STABLE,
 *   so an IMMUTABLE wrapper pinned to the unaccent dictionary makes it indexable);
 * - a GiST index on ll_to_earth(lat, lng) for nearest service point queries;
 * - a trigger that keeps the audit trail append-only.
 */
export class CreateDomainModel1764201660000 implements MigrationInterface {
  name = 'CreateDomainModel1764201660000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "administrative_unit" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "code" character varying(5) NOT NULL, "name" text NOT NULL, "unit_type" text NOT NULL, "level" character varying(16) NOT NULL, "province_code" character varying(2) NOT NULL, "parent_name" text, "valid_from" date, "valid_to" date, "provenance" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b51e6902d8f65da24c6fbd9e672" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_c0b4fe52dc5d1db34aaf0cb56b" ON "administrative_unit"  ("code") `);
    await queryRunner.query(`CREATE TABLE "administrative_unit_succession" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "predecessor_id" integer NOT NULL, "successor_id" integer NOT NULL, "merge_type" character varying(8) NOT NULL, "legal_basis" text NOT NULL, "provenance" jsonb NOT NULL, CONSTRAINT "PK_c5106ddd0b2e44b5bb84dc484cc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_ecd3ccd65cf6eb358cb067c542" ON "administrative_unit_succession"  ("successor_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6d3b776e974e95b2d1e19967e1" ON "administrative_unit_succession"  ("predecessor_id", "successor_id") `);
    await queryRunner.query(`CREATE TABLE "audit_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_label" text NOT NULL, "action" character varying(32) NOT NULL, "entity_type" character varying(32), "entity_id" text, "field" text, "old_value" jsonb, "new_value" jsonb, "request_id" text, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_806add0204f192a9f867d0515c" ON "audit_event"  ("occurred_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_f44b7e9c0d50176bc07e018f63" ON "audit_event"  ("actor_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_96f8ebd96ea3de9cd63863a2f9" ON "audit_event"  ("entity_type", "entity_id", "occurred_at") `);
    await queryRunner.query(`CREATE TABLE "batch" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "scope" jsonb NOT NULL, "design_version" integer NOT NULL, "formats" jsonb NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'queued', "total" integer NOT NULL DEFAULT '0', "done" integer NOT NULL DEFAULT '0', "failed" integer NOT NULL DEFAULT '0', "bundle_key" text, "error" text, "requested_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_batch_status" CHECK ("status" IN ('queued', 'running', 'done', 'failed', 'cancelled')), CONSTRAINT "PK_57da3b830b57bec1fd329dcaf43" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_cfea8cb6e387bc8738a456865b" ON "batch"  ("status") `);
    await queryRunner.query(`CREATE TABLE "official" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "display_name" text NOT NULL, "role" character varying(16) NOT NULL, "password_hash" text NOT NULL, "password_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_official_role" CHECK ("role" IN ('admin', 'ward_editor')), CONSTRAINT "PK_3e150a20ca3578b094161b2d037" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c169adbbbd415e1cde3f39d4ca" ON "official"  ("email") `);
    await queryRunner.query(`CREATE TABLE "official_ward_scope" ("official_id" uuid NOT NULL, "ward_id" integer NOT NULL, CONSTRAINT "PK_d28bd9880ce2804bbf109090af2" PRIMARY KEY ("official_id", "ward_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8d4e7c62a7d59dd006587dc5ed" ON "official_ward_scope"  ("ward_id") `);
    await queryRunner.query(`CREATE TABLE "street" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(120) NOT NULL, "name" text NOT NULL, "kind" character varying(24) NOT NULL, "old_names" jsonb NOT NULL DEFAULT '[]', "start_description" text, "start_lat" double precision, "start_lng" double precision, "end_description" text, "end_lat" double precision, "end_lng" double precision, "length_m" integer, "geometry" jsonb, "namesake" jsonb, "naming_act" text, "provenance" jsonb NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_6da1c4c338d05320bbefacb77d6" UNIQUE ("slug"), CONSTRAINT "PK_5629a676c74c04f5845b964469c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "plate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(16) NOT NULL, "street_id" uuid NOT NULL, "position_description" text NOT NULL, "lat" double precision, "lng" double precision, "status" character varying(16) NOT NULL DEFAULT 'active', "installed_at" date, "provenance" jsonb NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ef2781c34b1b28c9e832660235a" UNIQUE ("code"), CONSTRAINT "CHK_plate_status" CHECK ("status" IN ('active', 'damaged', 'missing', 'removed')), CONSTRAINT "PK_eebdaf4c97b73058fba01606616" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f850c065f2265f15e4d97e9417" ON "plate"  ("street_id") `);
    await queryRunner.query(`CREATE TABLE "procedure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(16) NOT NULL, "name" text NOT NULL, "field" text NOT NULL, "levels" jsonb NOT NULL, "implementing_agency" text NOT NULL DEFAULT '', "online_level" character varying(8), "documents" text NOT NULL DEFAULT '', "steps" text NOT NULL DEFAULT '', "conditions" text NOT NULL DEFAULT '', "legal_basis" text NOT NULL DEFAULT '', "results" jsonb NOT NULL DEFAULT '[]', "source_url" text NOT NULL, "synced_at" TIMESTAMP WITH TIME ZONE, "provenance" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_5b9ee346c174d4b2682947d1984" UNIQUE ("code"), CONSTRAINT "PK_9888785b528492e7539d96e3894" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_2fa4f41ed36f2da579f93d653d" ON "procedure"  ("field") `);
    await queryRunner.query(`CREATE TABLE "procedure_channel" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "procedure_id" uuid NOT NULL, "ordinal" smallint NOT NULL, "channel" character varying(16) NOT NULL, "time_raw" text NOT NULL DEFAULT '', "time_value" numeric(8,2), "time_unit" character varying(16), "fee" text NOT NULL DEFAULT '', "note" text NOT NULL DEFAULT '', CONSTRAINT "CHK_procedure_channel_kind" CHECK ("channel" IN ('online', 'postal', 'in_person')), CONSTRAINT "PK_e463087bb3c129f6d76a2b4cea0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e741d6424d3c7753dd5d401d50" ON "procedure_channel"  ("procedure_id", "ordinal") `);
    await queryRunner.query(`CREATE TABLE "qr_asset" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plate_id" uuid NOT NULL, "design_version" integer NOT NULL, "format" character varying(8) NOT NULL, "payload" text NOT NULL, "printed_label" text NOT NULL, "sha256" character(64) NOT NULL, "storage_key" text NOT NULL, "byte_size" integer NOT NULL, "qr_version" smallint NOT NULL, "error_correction" character(1) NOT NULL, "module_size_mm" numeric(6,3) NOT NULL, "verified_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_66a3d94fa539f8ce21c68b6caf0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_59b7cb6dc84228fc19370d871e" ON "qr_asset"  ("plate_id", "design_version", "format") `);
    await queryRunner.query(`CREATE TABLE "scan_count" ("plate_code" character varying(32) NOT NULL, "day" date NOT NULL, "is_known_plate" boolean NOT NULL, "count" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_7c507615c3e3e48d0d95107f69d" PRIMARY KEY ("plate_code", "day"))`);
    await queryRunner.query(`CREATE TABLE "service_point" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(64) NOT NULL, "kind" character varying(24) NOT NULL, "name" text NOT NULL, "ward_id" integer, "address" text NOT NULL, "lat" double precision NOT NULL, "lng" double precision NOT NULL, "phone" text, "email" text, "opening_hours" text NOT NULL, "accessibility_notes" text NOT NULL DEFAULT '', "procedures_not_accepted" jsonb NOT NULL DEFAULT '[]', "last_confirmed_at" TIMESTAMP WITH TIME ZONE, "last_confirmed_by" uuid, "provenance" jsonb NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_c04d808629c49e6e6697d939122" UNIQUE ("key"), CONSTRAINT "PK_3385e7800da28a6cd5c6d1e2da0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_6a08093e65d7298aefec3f121a" ON "service_point"  ("ward_id") `);
    await queryRunner.query(`CREATE TABLE "service_point_closure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_point_id" uuid NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "reason" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_service_point_closure_range" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "PK_a97d6dff7a3417b19663afaf348" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_237ac01f1b99b8aa61e3d04aec" ON "service_point_closure"  ("service_point_id") `);
    await queryRunner.query(`CREATE TABLE "street_ward" ("street_id" uuid NOT NULL, "ward_id" integer NOT NULL, "ordinal" smallint NOT NULL DEFAULT '0', CONSTRAINT "PK_2927e5e33bbeda2baf68ff02540" PRIMARY KEY ("street_id", "ward_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_556f7cfb7a08c72eb9f0c0b88c" ON "street_ward"  ("ward_id") `);
    await queryRunner.query(`ALTER TABLE "administrative_unit_succession" ADD CONSTRAINT "FK_0c1d4c5317eacf0f01b085eacca" FOREIGN KEY ("predecessor_id") REFERENCES "administrative_unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "administrative_unit_succession" ADD CONSTRAINT "FK_ecd3ccd65cf6eb358cb067c5422" FOREIGN KEY ("successor_id") REFERENCES "administrative_unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "official_ward_scope" ADD CONSTRAINT "FK_cc38cd74722852d41bbbc4bb036" FOREIGN KEY ("official_id") REFERENCES "official"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "official_ward_scope" ADD CONSTRAINT "FK_8d4e7c62a7d59dd006587dc5eda" FOREIGN KEY ("ward_id") REFERENCES "administrative_unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plate" ADD CONSTRAINT "FK_f850c065f2265f15e4d97e9417f" FOREIGN KEY ("street_id") REFERENCES "street"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "procedure_channel" ADD CONSTRAINT "FK_b0cba7afdc0ba48eb0a8b4e09fa" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "qr_asset" ADD CONSTRAINT "FK_3f25f8a6895b06dcb3ed3a7fe23" FOREIGN KEY ("plate_id") REFERENCES "plate"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "service_point" ADD CONSTRAINT "FK_6a08093e65d7298aefec3f121a8" FOREIGN KEY ("ward_id") REFERENCES "administrative_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "service_point" ADD CONSTRAINT "FK_ba5b552f4c5ae2d9084e8680e83" FOREIGN KEY ("last_confirmed_by") REFERENCES "official"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "service_point_closure" ADD CONSTRAINT "FK_237ac01f1b99b8aa61e3d04aecd" FOREIGN KEY ("service_point_id") REFERENCES "service_point"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "service_point_closure" ADD CONSTRAINT "FK_dc3f06ea9d6702a391f0faae716" FOREIGN KEY ("created_by") REFERENCES "official"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "street_ward" ADD CONSTRAINT "FK_fd2ea05aa60afb00acc46dbe029" FOREIGN KEY ("street_id") REFERENCES "street"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "street_ward" ADD CONSTRAINT "FK_556f7cfb7a08c72eb9f0c0b88c7" FOREIGN KEY ("ward_id") REFERENCES "administrative_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await queryRunner.query(`CREATE FUNCTION immutable_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_administrative_unit_code_valid_from" ON "administrative_unit" ("code", COALESCE("valid_from", '-infinity'::date))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_administrative_unit_current_code" ON "administrative_unit" ("code") WHERE "valid_to" IS NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_street_name_search" ON "street" USING gin (lower(immutable_unaccent("name")) gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_procedure_name_search" ON "procedure" USING gin (lower(immutable_unaccent("name")) gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "IDX_service_point_earth" ON "service_point" USING gist (ll_to_earth("lat", "lng"))`);
    await queryRunner.query(`CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$`);
    await queryRunner.query(`CREATE TRIGGER "TRG_audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event" FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_audit_event_append_only" ON "audit_event"`);
    await queryRunner.query(`DROP FUNCTION audit_event_is_append_only()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_service_point_earth"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_procedure_name_search"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_street_name_search"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_administrative_unit_current_code"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_administrative_unit_code_valid_from"`);
    await queryRunner.query(`DROP FUNCTION immutable_unaccent(text)`);

    await queryRunner.query(`ALTER TABLE "street_ward" DROP CONSTRAINT "FK_556f7cfb7a08c72eb9f0c0b88c7"`);
    await queryRunner.query(`ALTER TABLE "street_ward" DROP CONSTRAINT "FK_fd2ea05aa60afb00acc46dbe029"`);
    await queryRunner.query(`ALTER TABLE "service_point_closure" DROP CONSTRAINT "FK_dc3f06ea9d6702a391f0faae716"`);
    await queryRunner.query(`ALTER TABLE "service_point_closure" DROP CONSTRAINT "FK_237ac01f1b99b8aa61e3d04aecd"`);
    await queryRunner.query(`ALTER TABLE "service_point" DROP CONSTRAINT "FK_ba5b552f4c5ae2d9084e8680e83"`);
    await queryRunner.query(`ALTER TABLE "service_point" DROP CONSTRAINT "FK_6a08093e65d7298aefec3f121a8"`);
    await queryRunner.query(`ALTER TABLE "qr_asset" DROP CONSTRAINT "FK_3f25f8a6895b06dcb3ed3a7fe23"`);
    await queryRunner.query(`ALTER TABLE "procedure_channel" DROP CONSTRAINT "FK_b0cba7afdc0ba48eb0a8b4e09fa"`);
    await queryRunner.query(`ALTER TABLE "plate" DROP CONSTRAINT "FK_f850c065f2265f15e4d97e9417f"`);
    await queryRunner.query(`ALTER TABLE "official_ward_scope" DROP CONSTRAINT "FK_8d4e7c62a7d59dd006587dc5eda"`);
    await queryRunner.query(`ALTER TABLE "official_ward_scope" DROP CONSTRAINT "FK_cc38cd74722852d41bbbc4bb036"`);
    await queryRunner.query(`ALTER TABLE "administrative_unit_succession" DROP CONSTRAINT "FK_ecd3ccd65cf6eb358cb067c5422"`);
    await queryRunner.query(`ALTER TABLE "administrative_unit_succession" DROP CONSTRAINT "FK_0c1d4c5317eacf0f01b085eacca"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_556f7cfb7a08c72eb9f0c0b88c"`);
    await queryRunner.query(`DROP TABLE "street_ward"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_237ac01f1b99b8aa61e3d04aec"`);
    await queryRunner.query(`DROP TABLE "service_point_closure"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6a08093e65d7298aefec3f121a"`);
    await queryRunner.query(`DROP TABLE "service_point"`);
    await queryRunner.query(`DROP TABLE "scan_count"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_59b7cb6dc84228fc19370d871e"`);
    await queryRunner.query(`DROP TABLE "qr_asset"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e741d6424d3c7753dd5d401d50"`);
    await queryRunner.query(`DROP TABLE "procedure_channel"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2fa4f41ed36f2da579f93d653d"`);
    await queryRunner.query(`DROP TABLE "procedure"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f850c065f2265f15e4d97e9417"`);
    await queryRunner.query(`DROP TABLE "plate"`);
    await queryRunner.query(`DROP TABLE "street"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8d4e7c62a7d59dd006587dc5ed"`);
    await queryRunner.query(`DROP TABLE "official_ward_scope"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c169adbbbd415e1cde3f39d4ca"`);
    await queryRunner.query(`DROP TABLE "official"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cfea8cb6e387bc8738a456865b"`);
    await queryRunner.query(`DROP TABLE "batch"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_96f8ebd96ea3de9cd63863a2f9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f44b7e9c0d50176bc07e018f63"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_806add0204f192a9f867d0515c"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6d3b776e974e95b2d1e19967e1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ecd3ccd65cf6eb358cb067c542"`);
    await queryRunner.query(`DROP TABLE "administrative_unit_succession"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c0b4fe52dc5d1db34aaf0cb56b"`);
    await queryRunner.query(`DROP TABLE "administrative_unit"`);
  }
}
