import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A password someone else set (first admin, reset, CLI) must be changed at the next sign-in. */
export class AddMustChangePassword1796119200000 implements MigrationInterface {
  name = 'AddMustChangePassword1796119200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "must_change_password"`);
  }
}
