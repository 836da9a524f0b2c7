import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTracking1795478500000 implements MigrationInterface {
  name = 'CreateTracking1795478500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "drivers" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" varchar(120) NOT NULL,
        "telegram_user_id" bigint,
        "telegram_chat_id" bigint,
        "telegram_username" varchar(64),
        "telegram_first_name" varchar(128),
        "telegram_last_name" varchar(128),
        "language_code" varchar(16),
        "demo" boolean NOT NULL DEFAULT false,
        "sharing_since" timestamptz,
        "live_until" timestamptz,
        "live_message_id" integer,
        "sharing_ended_at" timestamptz,
        "last_latitude" double precision,
        "last_longitude" double precision,
        "last_accuracy" real,
        "last_heading" smallint,
        "last_speed" real,
        "last_recorded_at" timestamptz,
        "last_source" varchar(24),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "drivers_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "drivers_telegram_user_id_key" ON "drivers" ("telegram_user_id") WHERE telegram_user_id IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "positions" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "driver_id" uuid NOT NULL,
        "latitude" double precision NOT NULL,
        "longitude" double precision NOT NULL,
        "accuracy" real,
        "heading" smallint,
        "speed" real,
        "recorded_at" timestamptz NOT NULL,
        "received_at" timestamptz NOT NULL DEFAULT now(),
        "source" varchar(24) NOT NULL,
        "telegram_update_id" bigint,
        CONSTRAINT "positions_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "positions_driver_id_fkey" FOREIGN KEY ("driver_id") REFERENCES "drivers"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "positions_driver_recorded_idx" ON "positions" ("driver_id", "recorded_at" DESC)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "positions_telegram_update_id_key" ON "positions" ("telegram_update_id") WHERE telegram_update_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "positions_recorded_at_idx" ON "positions" ("recorded_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "positions"`);
    await queryRunner.query(`DROP TABLE "drivers"`);
  }
}
