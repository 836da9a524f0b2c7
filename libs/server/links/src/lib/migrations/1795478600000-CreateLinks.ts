import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLinks1795478600000 implements MigrationInterface {
  name = 'CreateLinks1795478600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "links" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "token_hash" varchar(64) NOT NULL,
        "driver_name" varchar(120) NOT NULL,
        "note" varchar(500),
        "created_by" uuid,
        "created_by_email" varchar(320),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "redeemed_at" timestamptz,
        "redeemed_by_driver_id" uuid,
        "redeemed_telegram_user_id" bigint,
        "revoked_at" timestamptz,
        CONSTRAINT "links_pkey" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "links_token_hash_key" ON "links" ("token_hash")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "links"`);
  }
}
