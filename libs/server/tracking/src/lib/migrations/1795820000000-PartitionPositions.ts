import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns of `positions`, in table order (the copy in both directions names them). */
const COLUMNS = `id, driver_id, latitude, longitude, accuracy, heading, speed, recorded_at, received_at, source, telegram_update_id, battery, altitude`;

/**
 * Issue #11: `positions` becomes a table partitioned by `recorded_at`, one partition per UTC day
 * (`positions_YYYYMMDD`), plus `positions_default` for points whose day has no partition yet (the
 * maintenance job moves them). Per partition:
 * - `positions_driver_recorded_idx` (driver_id, recorded_at DESC) INCLUDE every column a history,
 *   report or export reads, so one driver's day is an index-only scan of that driver's entries;
 * - the dedupe, as unique indexes that contain the partition key: a Telegram update by
 *   (telegram_update_id, recorded_at) — a redelivered update carries the same date, so it lands in
 *   the same partition and conflicts there — and a device point by (driver_id, recorded_at);
 * - the primary key (id, recorded_at) and the foreign key to drivers (ON DELETE CASCADE).
 * There is no index on recorded_at alone any more (retention drops partitions): a per-driver read
 * cannot be lured onto it.
 *
 * `positions_create_partition(day)` is the one way a day's partition is made (this migration, and
 * the maintenance job): in one transaction it moves that day's rows out of the default partition
 * into a new table, attaches it (SHARE UPDATE EXCLUSIVE on the parent: writers and readers go on),
 * and names its indexes `<partition>_<index suffix>`.
 *
 * The existing table is converted by copying, one day at a time in (driver_id, recorded_at) order, so
 * each old day is stored clustered by driver; the counts are compared before the old table is dropped.
 */
export class PartitionPositions1795820000000 implements MigrationInterface {
  name = 'PartitionPositions1795820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "positions" RENAME TO "positions_unpartitioned"`);
    await queryRunner.query(`ALTER TABLE "positions_unpartitioned" RENAME CONSTRAINT "positions_pkey" TO "positions_unpartitioned_pkey"`);
    await queryRunner.query(
      `ALTER TABLE "positions_unpartitioned" RENAME CONSTRAINT "positions_driver_id_fkey" TO "positions_unpartitioned_driver_id_fkey"`,
    );
    for (const index of ['positions_driver_recorded_idx', 'positions_telegram_update_id_key', 'positions_recorded_at_idx', 'positions_driver_point_key']) {
      await queryRunner.query(`ALTER INDEX "${index}" RENAME TO "${index.replace('positions_', 'positions_unpartitioned_')}"`);
    }

    await queryRunner.query(`ALTER SEQUENCE "positions_id_seq" RENAME TO "positions_unpartitioned_id_seq"`); // the identity's
    await queryRunner.query(`CREATE SEQUENCE "positions_id_seq" AS bigint`);
    await queryRunner.query(`SELECT setval('positions_id_seq', coalesce(max(id), 0) + 1, false) FROM positions_unpartitioned`);
    await queryRunner.query(`
      CREATE TABLE "positions" (
        "id" bigint NOT NULL DEFAULT nextval('positions_id_seq'),
        "driver_id" uuid NOT NULL,
        "latitude" double precision NOT NULL,
        "longitude" double precision NOT NULL,
        "accuracy" real,
        "heading" smallint,
        "speed" real,
        "recorded_at" timestamptz NOT NULL,
        "received_at" timestamptz NOT NULL DEFAULT now(),
        "source" varchar(24) NOT NULL,
        "telegram_update_id" bigint,
        "battery" real,
        "altitude" real,
        CONSTRAINT "positions_pkey" PRIMARY KEY ("id", "recorded_at"),
        CONSTRAINT "positions_driver_id_fkey" FOREIGN KEY ("driver_id") REFERENCES "drivers"("id") ON DELETE CASCADE
      ) PARTITION BY RANGE ("recorded_at")`);
    await queryRunner.query(`ALTER SEQUENCE "positions_id_seq" OWNED BY "positions"."id"`);
    await queryRunner.query(
      `CREATE INDEX "positions_driver_recorded_idx" ON "positions" ("driver_id", "recorded_at" DESC)
         INCLUDE ("id", "latitude", "longitude", "accuracy", "speed", "heading", "source")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "positions_telegram_update_id_key" ON "positions" ("telegram_update_id", "recorded_at") WHERE telegram_update_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "positions_driver_point_key" ON "positions" ("driver_id", "recorded_at") WHERE telegram_update_id IS NULL`,
    );
    await queryRunner.query(`CREATE TABLE "positions_default" PARTITION OF "positions" DEFAULT`);
    await queryRunner.query(CREATE_PARTITION_FUNCTION);
    await queryRunner.query(`SELECT positions_name_partition_indexes('positions_default')`);

    const days: Array<{ day: string }> = await queryRunner.query(
      `SELECT DISTINCT (recorded_at AT TIME ZONE 'UTC')::date::text AS day FROM positions_unpartitioned ORDER BY 1`,
    );
    for (const { day } of days) {
      await queryRunner.query(`SELECT positions_create_partition($1::date)`, [day]);
      await queryRunner.query(
        `INSERT INTO positions (${COLUMNS})
         SELECT ${COLUMNS} FROM positions_unpartitioned
          WHERE recorded_at >= ($1::date)::timestamp AT TIME ZONE 'UTC' AND recorded_at < ($1::date + 1)::timestamp AT TIME ZONE 'UTC'
          ORDER BY driver_id, recorded_at, id`,
        [day],
      );
    }
    const [counts]: Array<{ before: string; after: string }> = await queryRunner.query(
      `SELECT (SELECT count(*) FROM positions_unpartitioned) AS before, (SELECT count(*) FROM positions) AS after`,
    );
    if (counts.before !== counts.after) {
      throw new Error(`Partitioning positions copied ${counts.after} of ${counts.before} rows; nothing was changed`);
    }
    await queryRunner.query(`DROP TABLE "positions_unpartitioned"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "positions" RENAME TO "positions_partitioned"`);
    await queryRunner.query(`ALTER SEQUENCE "positions_id_seq" RENAME TO "positions_partitioned_id_seq"`);
    await queryRunner.query(`ALTER TABLE "positions_partitioned" RENAME CONSTRAINT "positions_pkey" TO "positions_partitioned_pkey"`);
    await queryRunner.query(`ALTER TABLE "positions_partitioned" RENAME CONSTRAINT "positions_driver_id_fkey" TO "positions_partitioned_driver_id_fkey"`);
    for (const index of ['positions_driver_recorded_idx', 'positions_telegram_update_id_key', 'positions_driver_point_key']) {
      await queryRunner.query(`ALTER INDEX "${index}" RENAME TO "${index.replace('positions_', 'positions_partitioned_')}"`);
    }
    await queryRunner.query(`
      CREATE TABLE "positions" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "driver_id" uuid NOT NULL,
        "latitude" double precision NOT NULL,
        "longitude" double precision NOT NULL,
        "accuracy" real,
        "heading" smallint,
        "speed" real,
        "recorded_at" timestamptz NOT NULL,
        "received_at" timestamptz NOT NULL DEFAULT now(),
        "source" varchar(24) NOT NULL,
        "telegram_update_id" bigint,
        "battery" real,
        "altitude" real,
        CONSTRAINT "positions_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "positions_driver_id_fkey" FOREIGN KEY ("driver_id") REFERENCES "drivers"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `INSERT INTO positions (${COLUMNS}) OVERRIDING SYSTEM VALUE SELECT ${COLUMNS} FROM positions_partitioned ORDER BY recorded_at, id`,
    );
    await queryRunner.query(
      `SELECT setval(pg_get_serial_sequence('positions', 'id'), coalesce(max(id), 0) + 1, false) FROM positions`,
    );
    await queryRunner.query(`CREATE INDEX "positions_driver_recorded_idx" ON "positions" ("driver_id", "recorded_at" DESC)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "positions_telegram_update_id_key" ON "positions" ("telegram_update_id") WHERE telegram_update_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "positions_recorded_at_idx" ON "positions" ("recorded_at")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "positions_driver_point_key" ON "positions" ("driver_id", "recorded_at") WHERE telegram_update_id IS NULL`,
    );
    await queryRunner.query(`DROP TABLE "positions_partitioned"`);
    await queryRunner.query(`DROP FUNCTION positions_create_partition(date)`);
    await queryRunner.query(`DROP FUNCTION positions_name_partition_indexes(regclass)`);
  }
}

/**
 * `positions_create_partition(day)`: the partition of one UTC day, created with that day's rows taken
 * out of the default partition, in the caller's transaction. Returns the rows moved, or NULL when the
 * partition already exists. The default partition is locked against writes first (SHARE ROW
 * EXCLUSIVE; late points wait for the move, milliseconds for a small default partition), so no row
 * for that day can arrive between the move and the ATTACH's check of the default partition.
 * `positions_name_partition_indexes(partition)` renames the indexes Postgres made for a partition to
 * `<partition>_<suffix of the parent's index>` (`positions_20261201_driver_recorded_idx`).
 */
const CREATE_PARTITION_FUNCTION = `
  CREATE FUNCTION positions_name_partition_indexes(part regclass) RETURNS void LANGUAGE plpgsql AS $fn$
  DECLARE
    child record;
    part_name text := (SELECT relname FROM pg_class WHERE oid = part);
  BEGIN
    FOR child IN
      SELECT ci.relname AS index_name, pi.relname AS parent_index
        FROM pg_index x
        JOIN pg_class ci ON ci.oid = x.indexrelid
        JOIN pg_inherits i ON i.inhrelid = x.indexrelid
        JOIN pg_class pi ON pi.oid = i.inhparent
       WHERE x.indrelid = part
    LOOP
      IF child.index_name <> part_name || substr(child.parent_index, length('positions') + 1) THEN
        EXECUTE format('ALTER INDEX %I RENAME TO %I', child.index_name, part_name || substr(child.parent_index, length('positions') + 1));
      END IF;
    END LOOP;
  END
  $fn$;

  CREATE FUNCTION positions_create_partition(day date) RETURNS bigint LANGUAGE plpgsql AS $fn$
  DECLARE
    part text := 'positions_' || to_char(day, 'YYYYMMDD');
    lower_bound timestamptz := day::timestamp AT TIME ZONE 'UTC';
    upper_bound timestamptz := (day + 1)::timestamp AT TIME ZONE 'UTC';
    moved bigint;
  BEGIN
    IF to_regclass(part) IS NOT NULL THEN
      RETURN NULL;
    END IF;
    LOCK TABLE positions_default IN SHARE ROW EXCLUSIVE MODE;
    EXECUTE format('CREATE TABLE %I (LIKE positions INCLUDING DEFAULTS)', part);
    EXECUTE format(
      'WITH moved AS (DELETE FROM positions_default WHERE recorded_at >= $1 AND recorded_at < $2 RETURNING *)
       INSERT INTO %I SELECT * FROM moved', part) USING lower_bound, upper_bound;
    GET DIAGNOSTICS moved = ROW_COUNT;
    EXECUTE format('ALTER TABLE positions ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, lower_bound, upper_bound);
    PERFORM positions_name_partition_indexes(part::regclass);
    RETURN moved;
  END
  $fn$`;
