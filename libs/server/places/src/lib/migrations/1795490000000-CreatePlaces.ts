import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePlaces1795490000000 implements MigrationInterface {
  name = 'CreatePlaces1795490000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "places" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" varchar(120) NOT NULL,
        "kind" varchar(16) NOT NULL,
        "note" varchar(500),
        "center_lat" double precision,
        "center_lon" double precision,
        "radius_m" real,
        "polygon" jsonb,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "places_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "places_kind_check" CHECK ("kind" IN ('depot', 'customer', 'fuel', 'rest-area', 'other')),
        CONSTRAINT "places_one_shape_check" CHECK (
          ("polygon" IS NULL AND "center_lat" IS NOT NULL AND "center_lon" IS NOT NULL AND "radius_m" IS NOT NULL)
          OR ("polygon" IS NOT NULL AND "center_lat" IS NULL AND "center_lon" IS NULL AND "radius_m" IS NULL)
        )
      )`);
    await queryRunner.query(`CREATE INDEX "places_name_idx" ON "places" ("name")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "places"`);
  }
}
