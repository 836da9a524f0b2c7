import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDriverActivity1795830000000 implements MigrationInterface {
  name = 'CreateDriverActivity1795830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "driver_activity" (
        "driver_id" uuid NOT NULL,
        "quiet_since" timestamptz,
        "quiet_last_seen_at" timestamptz,
        "speeding_since" timestamptz,
        "speeding_max_kmh" real,
        "speeding_reported" boolean NOT NULL DEFAULT false,
        CONSTRAINT "driver_activity_pkey" PRIMARY KEY ("driver_id"),
        CONSTRAINT "driver_activity_driver_id_fkey" FOREIGN KEY ("driver_id") REFERENCES "drivers"("id") ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "driver_activity"`);
  }
}
