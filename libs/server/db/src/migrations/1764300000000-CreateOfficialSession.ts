import { MigrationInterface, QueryRunner } from 'typeorm';

/** Officials' server-side sessions (issue 6): id = SHA-256 of the cookie token, idle and absolute timeouts. */
export class CreateOfficialSession1764300000000 implements MigrationInterface {
  name = 'CreateOfficialSession1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "official_session" ("id" character(64) NOT NULL, "official_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "csrf_token" text NOT NULL, "user_agent" text, "ip" text, CONSTRAINT "PK_be8ac1d1ea0aea592101fd361f7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0fd9d24de139ac75742c0ab652" ON "official_session"  ("official_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8840ee84ad960a55f111ef7c17" ON "official_session"  ("expires_at") `);
    await queryRunner.query(`ALTER TABLE "official_session" ADD CONSTRAINT "FK_0fd9d24de139ac75742c0ab652d" FOREIGN KEY ("official_id") REFERENCES "official"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "official_session" DROP CONSTRAINT "FK_0fd9d24de139ac75742c0ab652d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8840ee84ad960a55f111ef7c17"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0fd9d24de139ac75742c0ab652"`);
    await queryRunner.query(`DROP TABLE "official_session"`);
  }
}
