import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `position_late_writes`: which driver-hours took points after the fact (entity PositionLateWriteEntity). */
export class PositionLateWrites1796200000000 implements MigrationInterface {
  name = 'PositionLateWrites1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "position_late_writes" (
        "driver_id" uuid NOT NULL,
        "hour" timestamptz NOT NULL,
        "written_at" timestamptz NOT NULL,
        CONSTRAINT "position_late_writes_pkey" PRIMARY KEY ("driver_id", "hour"),
        CONSTRAINT "position_late_writes_driver_id_fkey" FOREIGN KEY ("driver_id") REFERENCES "drivers"("id") ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "position_late_writes"`);
  }
}
