import { MigrationInterface, QueryRunner } from 'typeorm';

/** QR batches: one row per plate × format of a batch, so progress is counted once per item (issue 5). */
export class CreateBatchItem1764259200000 implements MigrationInterface {
  name = 'CreateBatchItem1764259200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "batch_item" ("batch_id" uuid NOT NULL, "plate_id" uuid NOT NULL, "format" character varying(8) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'queued', "why" text NOT NULL, "reason" text, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_batch_item_status" CHECK ("status" IN ('queued', 'done', 'failed')), CONSTRAINT "PK_4ab2f1dcc164d959103a570fc33" PRIMARY KEY ("batch_id", "plate_id", "format"))`);
    await queryRunner.query(`CREATE INDEX "IDX_924528e2161f721782c1b99eab" ON "batch_item"  ("plate_id") `);
    await queryRunner.query(`ALTER TABLE "batch_item" ADD CONSTRAINT "FK_fa72a46cc27ed3167a0358d2f75" FOREIGN KEY ("batch_id") REFERENCES "batch"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "batch_item" ADD CONSTRAINT "FK_924528e2161f721782c1b99eab0" FOREIGN KEY ("plate_id") REFERENCES "plate"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "batch_item" DROP CONSTRAINT "FK_924528e2161f721782c1b99eab0"`);
    await queryRunner.query(`ALTER TABLE "batch_item" DROP CONSTRAINT "FK_fa72a46cc27ed3167a0358d2f75"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_924528e2161f721782c1b99eab"`);
    await queryRunner.query(`DROP TABLE "batch_item"`);
  }
}
