import { MigrationInterface, QueryRunner } from 'typeorm';

/** A ward's own note on a procedure, kept by its officials in the workspace (issue 6). */
export class CreateProcedureLocalNote1764300600000 implements MigrationInterface {
  name = 'CreateProcedureLocalNote1764300600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "procedure_local_note" ("procedure_id" uuid NOT NULL, "ward_id" integer NOT NULL, "note" text NOT NULL, "version" integer NOT NULL DEFAULT '1', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_by" uuid, CONSTRAINT "PK_601bc329012fd66e136e8664a0a" PRIMARY KEY ("procedure_id", "ward_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_51fb943c2169f8d42ca0f2531d" ON "procedure_local_note"  ("ward_id") `);
    await queryRunner.query(`ALTER TABLE "procedure_local_note" ADD CONSTRAINT "FK_724c2e8ebc29fb94f91fbc8f0f0" FOREIGN KEY ("procedure_id") REFERENCES "procedure"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "procedure_local_note" ADD CONSTRAINT "FK_51fb943c2169f8d42ca0f2531d4" FOREIGN KEY ("ward_id") REFERENCES "administrative_unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "procedure_local_note" ADD CONSTRAINT "FK_071cf8a4f38c92e139b7907ef06" FOREIGN KEY ("updated_by") REFERENCES "official"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "procedure_local_note" DROP CONSTRAINT "FK_071cf8a4f38c92e139b7907ef06"`);
    await queryRunner.query(`ALTER TABLE "procedure_local_note" DROP CONSTRAINT "FK_51fb943c2169f8d42ca0f2531d4"`);
    await queryRunner.query(`ALTER TABLE "procedure_local_note" DROP CONSTRAINT "FK_724c2e8ebc29fb94f91fbc8f0f0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_51fb943c2169f8d42ca0f2531d"`);
    await queryRunner.query(`DROP TABLE "procedure_local_note"`);
  }
}
