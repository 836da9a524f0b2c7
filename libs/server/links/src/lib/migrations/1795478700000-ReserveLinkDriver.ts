import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each link knows the id its driver will have (issue #13: the seed's `driver_id` from /generate-link). */
export class ReserveLinkDriver1795478700000 implements MigrationInterface {
  name = 'ReserveLinkDriver1795478700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "links" ADD "reserved_driver_id" uuid NOT NULL DEFAULT gen_random_uuid()`);
    // links redeemed before this migration reserved the driver they bound
    await queryRunner.query(
      `UPDATE "links" SET "reserved_driver_id" = "redeemed_by_driver_id" WHERE "redeemed_by_driver_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "links_reserved_driver_id_key" ON "links" ("reserved_driver_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "links_reserved_driver_id_key"`);
    await queryRunner.query(`ALTER TABLE "links" DROP COLUMN "reserved_driver_id"`);
  }
}
