import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWebhooks1795840000000 implements MigrationInterface {
  name = 'CreateWebhooks1795840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "webhooks" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "url" varchar(2048) NOT NULL,
        "events" varchar(40) array NOT NULL,
        "description" varchar(500) NOT NULL DEFAULT '',
        "enabled" boolean NOT NULL DEFAULT true,
        "disabled_reason" varchar(500),
        "secret_sealed" varchar(200) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "webhooks_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "webhook_deliveries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "webhook_id" uuid NOT NULL,
        "event_id" uuid NOT NULL,
        "event_type" varchar(40) NOT NULL,
        "payload" jsonb,
        "status" varchar(16) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "last_response_code" integer,
        "last_error" varchar(500),
        "next_attempt_at" timestamptz,
        "lease" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "delivered_at" timestamptz,
        CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "webhook_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "webhook_deliveries_webhook_event_key" ON "webhook_deliveries" ("webhook_id", "event_id")`);
    await queryRunner.query(`CREATE INDEX "webhook_deliveries_log_idx" ON "webhook_deliveries" ("webhook_id", "created_at")`);
    // what the workers poll: only pending rows
    await queryRunner.query(`CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" ("next_attempt_at") WHERE "status" = 'pending'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhooks"`);
  }
}
