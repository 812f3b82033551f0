import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A shift's capacity and seat counters have one home, engagement's `shift_seats`: the needs context's
 * `shifts` loses its copies (which were written back after each sign-up with a delay), and everyone
 * else reads the `shift_occupancy` view, so a list shows a sign-up as soon as it commits. Shifts that
 * never had a seat row get one first, so the capacity is not lost.
 */
export class ShiftSeatsOwnCounts1796290000000 implements MigrationInterface {
  name = 'ShiftSeatsOwnCounts1796290000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO "shift_seats" ("shift_id", "need_id", "org_id", "starts_at", "ends_at", "capacity", "confirmed_count", "waitlist_count", "need_open", "child_contact", "min_age")
       SELECT s."id", s."need_id", s."org_id", s."starts_at", s."ends_at", s."capacity", s."confirmed_count", s."waitlist_count",
              s."status" <> 'cancelled' AND n."status" IN ('open', 'filled', 'in_progress'), n."child_contact", n."min_age"
         FROM "shifts" s JOIN "needs" n ON n."id" = s."need_id"
        WHERE NOT EXISTS (SELECT 1 FROM "shift_seats" ss WHERE ss."shift_id" = s."id")`,
    );
    await queryRunner.query('ALTER TABLE "shift_seats" DROP CONSTRAINT "ck_shift_seats_capacity"');
    await queryRunner.query(
      'ALTER TABLE "shift_seats" ADD CONSTRAINT "ck_shift_seats_capacity" CHECK (capacity >= 0 AND confirmed_count >= 0 AND confirmed_count <= capacity AND waitlist_count >= 0)',
    );
    await queryRunner.query('ALTER TABLE "shifts" DROP CONSTRAINT "ck_shifts_capacity"');
    await queryRunner.query('ALTER TABLE "shifts" DROP COLUMN "capacity"');
    await queryRunner.query('ALTER TABLE "shifts" DROP COLUMN "confirmed_count"');
    await queryRunner.query('ALTER TABLE "shifts" DROP COLUMN "waitlist_count"');
    await queryRunner.query(
      `CREATE VIEW "shift_occupancy" AS
       SELECT "shift_id", "need_id", "org_id", "starts_at", "ends_at", "capacity", "confirmed_count", "waitlist_count" FROM "shift_seats"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW "shift_occupancy"');
    await queryRunner.query('ALTER TABLE "shifts" ADD "waitlist_count" integer NOT NULL DEFAULT \'0\'');
    await queryRunner.query('ALTER TABLE "shifts" ADD "confirmed_count" integer NOT NULL DEFAULT \'0\'');
    await queryRunner.query('ALTER TABLE "shifts" ADD "capacity" integer');
    await queryRunner.query(
      `UPDATE "shifts" s SET "capacity" = ss."capacity", "confirmed_count" = ss."confirmed_count", "waitlist_count" = ss."waitlist_count"
         FROM "shift_seats" ss WHERE ss."shift_id" = s."id"`,
    );
    await queryRunner.query('UPDATE "shifts" SET "capacity" = 0 WHERE "capacity" IS NULL');
    await queryRunner.query('ALTER TABLE "shifts" ALTER COLUMN "capacity" SET NOT NULL');
    await queryRunner.query(
      'ALTER TABLE "shifts" ADD CONSTRAINT "ck_shifts_capacity" CHECK (capacity >= 0 AND confirmed_count >= 0 AND waitlist_count >= 0 AND confirmed_count <= capacity)',
    );
    await queryRunner.query('ALTER TABLE "shift_seats" DROP CONSTRAINT "ck_shift_seats_capacity"');
    await queryRunner.query(
      'ALTER TABLE "shift_seats" ADD CONSTRAINT "ck_shift_seats_capacity" CHECK (confirmed_count >= 0 AND confirmed_count <= capacity AND waitlist_count >= 0)',
    );
  }
}
