import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A driver's data can be erased (GDPR): the row stays as an entry without personal data. */
export class DriverErasure1795700000000 implements MigrationInterface {
  name = 'DriverErasure1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "drivers" ADD "erased_at" timestamptz`);
    await queryRunner.query(`ALTER TABLE "drivers" ADD "erased_by" varchar(16)`);
    await queryRunner.query(
      `ALTER TABLE "drivers" ADD CONSTRAINT "drivers_erased_by_check" CHECK (erased_by IN ('driver', 'dispatcher'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "drivers" DROP CONSTRAINT "drivers_erased_by_check"`);
    await queryRunner.query(`ALTER TABLE "drivers" DROP COLUMN "erased_by"`);
    await queryRunner.query(`ALTER TABLE "drivers" DROP COLUMN "erased_at"`);
  }
}
