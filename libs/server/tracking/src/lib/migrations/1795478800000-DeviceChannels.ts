import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #13: drivers joined through the browser or a GPS app. Battery and altitude are kept with each
 * position (and the latest one); the driver's channel is on the row; a point of a device channel is
 * stored once per driver and timestamp (apps resend buffered points).
 */
export class DeviceChannels1795478800000 implements MigrationInterface {
  name = 'DeviceChannels1795478800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "drivers" ADD "channel" varchar(16)`);
    await queryRunner.query(`UPDATE "drivers" SET "channel" = 'telegram' WHERE "telegram_user_id" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "drivers" ADD "last_battery" real`);
    await queryRunner.query(`ALTER TABLE "drivers" ADD "last_altitude" real`);
    await queryRunner.query(`ALTER TABLE "positions" ADD "battery" real`);
    await queryRunner.query(`ALTER TABLE "positions" ADD "altitude" real`);
    await queryRunner.query(`
      DELETE FROM "positions" p USING "positions" q
       WHERE p.telegram_update_id IS NULL AND q.telegram_update_id IS NULL
         AND p.driver_id = q.driver_id AND p.recorded_at = q.recorded_at AND p.id > q.id`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "positions_driver_point_key" ON "positions" ("driver_id", "recorded_at") WHERE telegram_update_id IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "positions_driver_point_key"`);
    await queryRunner.query(`ALTER TABLE "positions" DROP COLUMN "altitude"`);
    await queryRunner.query(`ALTER TABLE "positions" DROP COLUMN "battery"`);
    await queryRunner.query(`ALTER TABLE "drivers" DROP COLUMN "last_altitude"`);
    await queryRunner.query(`ALTER TABLE "drivers" DROP COLUMN "last_battery"`);
    await queryRunner.query(`ALTER TABLE "drivers" DROP COLUMN "channel"`);
  }
}
