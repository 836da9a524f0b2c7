import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Visits (issue #9): `visits` (one row per stay, open while `departed_at` is null) and
 * `driver_place_states` (what the visit rule needs of each driver, locked with the position batch).
 */
export class CreateVisits1795810000000 implements MigrationInterface {
  name = 'CreateVisits1795810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "visits" (
        "id" uuid NOT NULL,
        "driver_id" uuid NOT NULL,
        "place_id" uuid NOT NULL,
        "arrived_at" timestamptz NOT NULL,
        "departed_at" timestamptz,
        CONSTRAINT "visits_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "visits_driver_fkey" FOREIGN KEY ("driver_id") REFERENCES "drivers" ("id") ON DELETE CASCADE,
        CONSTRAINT "visits_place_fkey" FOREIGN KEY ("place_id") REFERENCES "places" ("id") ON DELETE CASCADE,
        CONSTRAINT "visits_departed_after_arrived_check" CHECK ("departed_at" IS NULL OR "departed_at" >= "arrived_at")
      )`);
    await queryRunner.query(`CREATE INDEX "visits_driver_arrived_idx" ON "visits" ("driver_id", "arrived_at")`);
    await queryRunner.query(`CREATE INDEX "visits_place_arrived_idx" ON "visits" ("place_id", "arrived_at")`);
    await queryRunner.query(`CREATE INDEX "visits_arrived_idx" ON "visits" ("arrived_at")`);
    await queryRunner.query(`CREATE INDEX "visits_open_idx" ON "visits" ("driver_id") WHERE "departed_at" IS NULL`);
    await queryRunner.query(`
      CREATE TABLE "driver_place_states" (
        "driver_id" uuid NOT NULL,
        "last_evaluated_at" timestamptz,
        "open" jsonb NOT NULL DEFAULT '[]',
        CONSTRAINT "driver_place_states_pkey" PRIMARY KEY ("driver_id"),
        CONSTRAINT "driver_place_states_driver_fkey" FOREIGN KEY ("driver_id") REFERENCES "drivers" ("id") ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "driver_place_states"`);
    await queryRunner.query(`DROP TABLE "visits"`);
  }
}
