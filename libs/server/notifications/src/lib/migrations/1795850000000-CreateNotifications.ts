import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts for people (issue #10): rules, each user's inbox, the Telegram/email delivery jobs, users'
 * own Telegram chats and their one-time link codes. Also the install defaults (once, with the schema).
 */
export class CreateNotifications1795850000000 implements MigrationInterface {
  name = 'CreateNotifications1795850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "alert_rules" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" varchar(120) NOT NULL,
        "enabled" boolean NOT NULL DEFAULT true,
        "events" varchar(40) array NOT NULL,
        "place_ids" uuid array,
        "place_kinds" varchar(16) array,
        "driver_ids" uuid array,
        "recipient_user_ids" uuid array NOT NULL DEFAULT '{}',
        "recipient_roles" varchar(16) array NOT NULL DEFAULT '{}',
        "channels" varchar(16) array NOT NULL,
        "quiet_hours" jsonb,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "notifications" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "event_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "type" varchar(40) NOT NULL,
        "title" varchar(300) NOT NULL,
        "body" varchar(1000) NOT NULL DEFAULT '',
        "occurred_at" timestamptz NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "read_at" timestamptz,
        "driver_id" uuid,
        "place_id" uuid,
        "link" varchar(300),
        CONSTRAINT "notifications_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "notifications_event_user_key" ON "notifications" ("event_id", "user_id")`);
    // the inbox page: newest first per user
    await queryRunner.query(`CREATE INDEX "notifications_user_created_idx" ON "notifications" ("user_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "notifications_user_unread_idx" ON "notifications" ("user_id") WHERE "read_at" IS NULL`);
    await queryRunner.query(`
      CREATE TABLE "notification_deliveries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "event_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "channel" varchar(16) NOT NULL,
        "subject" varchar(300) NOT NULL,
        "text" varchar(2000) NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "locked_until" timestamptz,
        "last_error" varchar(500),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz,
        CONSTRAINT "notification_deliveries_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "notification_deliveries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "notification_deliveries_channel_check" CHECK ("channel" IN ('telegram', 'email')),
        CONSTRAINT "notification_deliveries_status_check" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed', 'skipped'))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notification_deliveries_event_user_channel_key" ON "notification_deliveries" ("event_id", "user_id", "channel")`,
    );
    // what the workers poll: only open jobs
    await queryRunner.query(
      `CREATE INDEX "notification_deliveries_open_idx" ON "notification_deliveries" ("next_attempt_at") WHERE "status" IN ('pending', 'sending')`,
    );
    await queryRunner.query(`
      CREATE TABLE "user_telegram_chats" (
        "user_id" uuid NOT NULL,
        "telegram_user_id" bigint NOT NULL,
        "chat_id" bigint NOT NULL,
        "username" varchar(64),
        "first_name" varchar(128),
        "language_code" varchar(16),
        "muted_until" timestamptz,
        "linked_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "user_telegram_chats_pkey" PRIMARY KEY ("user_id"),
        CONSTRAINT "user_telegram_chats_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "user_telegram_chats_telegram_user_key" ON "user_telegram_chats" ("telegram_user_id")`);
    await queryRunner.query(`
      CREATE TABLE "user_telegram_link_codes" (
        "code_hash" varchar(64) NOT NULL,
        "user_id" uuid NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "user_telegram_link_codes_pkey" PRIMARY KEY ("code_hash"),
        CONSTRAINT "user_telegram_link_codes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "user_telegram_link_codes_user_idx" ON "user_telegram_link_codes" ("user_id")`);
    // install defaults: every admin and dispatcher hears about these, on the dashboard and (once linked) in Telegram
    await queryRunner.query(`
      INSERT INTO "alert_rules" ("name", "events", "place_kinds", "recipient_roles", "channels") VALUES
        ('Arrivals and departures at depots', '{visit.arrived,visit.departed}', '{depot}', '{admin,dispatcher}', '{dashboard,telegram}'),
        ('Sharing ended', '{driver.sharing_ended}', NULL, '{admin,dispatcher}', '{dashboard,telegram}'),
        ('Driver went quiet', '{driver.went_quiet}', NULL, '{admin,dispatcher}', '{dashboard,telegram}')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "user_telegram_link_codes"`);
    await queryRunner.query(`DROP TABLE "user_telegram_chats"`);
    await queryRunner.query(`DROP TABLE "notification_deliveries"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "alert_rules"`);
  }
}
