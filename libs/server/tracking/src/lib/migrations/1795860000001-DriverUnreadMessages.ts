import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The driver list's unread badge: replies no dispatcher has read (kept by the messages lib, issue #10). */
export class DriverUnreadMessages1795860000001 implements MigrationInterface {
  name = 'DriverUnreadMessages1795860000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "drivers" ADD "unread_messages" integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "drivers" DROP COLUMN "unread_messages"`);
  }
}
