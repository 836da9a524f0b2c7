import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEvents1795800000000 implements MigrationInterface {
  name = 'CreateEvents1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "events" (
        "seq" bigserial NOT NULL,
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "type" varchar(40) NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "driver_id" uuid,
        "data" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "dispatched_at" timestamptz,
        CONSTRAINT "events_pkey" PRIMARY KEY ("seq")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "events_id_key" ON "events" ("id")`);
    await queryRunner.query(`CREATE INDEX "events_driver_idx" ON "events" ("driver_id")`);
    // what the dispatchers poll: tiny, because dispatched rows leave it
    await queryRunner.query(`CREATE INDEX "events_undispatched_idx" ON "events" ("seq") WHERE "dispatched_at" IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "events"`);
  }
}
