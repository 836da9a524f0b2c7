import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Messages between dispatchers and a driver, in the driver's own channel (issue #10). */
export class CreateMessages1795860000000 implements MigrationInterface {
  name = 'CreateMessages1795860000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "messages" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "driver_id" uuid NOT NULL,
        "direction" varchar(16) NOT NULL,
        "channel" varchar(16) NOT NULL,
        "text" varchar(1000) NOT NULL,
        "quick_replies" jsonb NOT NULL DEFAULT '[]',
        "quick_reply" varchar(32),
        "status" varchar(16) NOT NULL,
        "error" varchar(300),
        "sent_by_user_id" uuid,
        "sent_by_name" varchar(120),
        "telegram_message_id" integer,
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz,
        "delivered_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "read_at" timestamptz,
        CONSTRAINT "messages_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "messages_direction_check" CHECK (direction IN ('to-driver', 'from-driver')),
        CONSTRAINT "messages_status_check" CHECK (status IN ('sent', 'delivered', 'failed', 'received')),
        CONSTRAINT "messages_driver_id_fkey" FOREIGN KEY ("driver_id") REFERENCES "drivers"("id") ON DELETE CASCADE,
        CONSTRAINT "messages_sent_by_user_id_fkey" FOREIGN KEY ("sent_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL
      )`);
    // a thread, newest first (GET …/messages?before)
    await queryRunner.query(`CREATE INDEX "messages_driver_created_idx" ON "messages" ("driver_id", "created_at" DESC)`);
    // what the delivery workers claim: tiny, because delivered and failed rows leave it
    await queryRunner.query(`CREATE INDEX "messages_pending_idx" ON "messages" ("next_attempt_at") WHERE "status" = 'sent'`);
    // a driver's Telegram message is stored once, even when Telegram delivers its update again
    await queryRunner.query(
      `CREATE UNIQUE INDEX "messages_driver_telegram_message_key" ON "messages" ("driver_id", "telegram_message_id") WHERE "direction" = 'from-driver' AND "telegram_message_id" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "messages"`);
  }
}
