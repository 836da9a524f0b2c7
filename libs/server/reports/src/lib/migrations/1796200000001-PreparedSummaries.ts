import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `prepared_summaries`: fleet-summary rows of closed days (entity PreparedSummaryEntity). */
export class PreparedSummaries1796200000001 implements MigrationInterface {
  name = 'PreparedSummaries1796200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "prepared_summaries" (
        "rules" text NOT NULL,
        "range_from" timestamptz NOT NULL,
        "range_to" timestamptz NOT NULL,
        "driver_id" uuid NOT NULL,
        "computed_at" timestamptz NOT NULL,
        "distance_m" double precision NOT NULL,
        "driving_s" double precision NOT NULL,
        "stopped_s" double precision NOT NULL,
        "trips" integer NOT NULL,
        "stops" integer NOT NULL,
        "max_speed_kmh" double precision NOT NULL,
        "first_position_at" timestamptz,
        "last_position_at" timestamptz,
        CONSTRAINT "prepared_summaries_pkey" PRIMARY KEY ("rules", "range_from", "range_to", "driver_id"),
        CONSTRAINT "prepared_summaries_driver_id_fkey" FOREIGN KEY ("driver_id") REFERENCES "drivers"("id") ON DELETE CASCADE
      )`);
    // erasure and the driver FK's cascade find a driver's rows without scanning the table
    await queryRunner.query(`CREATE INDEX "prepared_summaries_driver_idx" ON "prepared_summaries" ("driver_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "prepared_summaries"`);
  }
}
