import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDriverDevices1795478900000 implements MigrationInterface {
  name = 'CreateDriverDevices1795478900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "driver_devices" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "driver_id" uuid NOT NULL,
        "channel" varchar(16) NOT NULL,
        "key_hash" varchar(64) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "driver_devices_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "driver_devices_driver_id_fkey" FOREIGN KEY ("driver_id") REFERENCES "drivers"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "driver_devices_driver_id_key" ON "driver_devices" ("driver_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "driver_devices_key_hash_key" ON "driver_devices" ("key_hash")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "driver_devices"`);
  }
}
