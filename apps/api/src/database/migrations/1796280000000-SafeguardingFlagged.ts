import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A safeguarding check that found a record is `flagged`, the API contract's word, in storage as in answers
 * (it was stored as `record_found`). The lift rule and the partial index of blocks follow the new value.
 */
export class SafeguardingFlagged1796280000000 implements MigrationInterface {
  name = 'SafeguardingFlagged1796280000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "safeguarding_checks" DROP CONSTRAINT "ck_safeguarding_checks_lift"');
    await queryRunner.query('DROP INDEX "public"."ix_safeguarding_checks_blocking"');
    await queryRunner.query(`UPDATE "safeguarding_checks" SET "result" = 'flagged' WHERE "result" = 'record_found'`);
    await queryRunner.query(
      `CREATE INDEX "ix_safeguarding_checks_blocking" ON "safeguarding_checks"  ("volunteer_user_id") WHERE result = 'flagged' AND lifted_at IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "safeguarding_checks" ADD CONSTRAINT "ck_safeguarding_checks_lift" CHECK ((lifted_at IS NULL AND lifted_by IS NULL AND lift_reason IS NULL) OR (result = 'flagged' AND lifted_at IS NOT NULL AND lifted_by IS NOT NULL AND lift_reason IS NOT NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "safeguarding_checks" DROP CONSTRAINT "ck_safeguarding_checks_lift"');
    await queryRunner.query('DROP INDEX "public"."ix_safeguarding_checks_blocking"');
    await queryRunner.query(`UPDATE "safeguarding_checks" SET "result" = 'record_found' WHERE "result" = 'flagged'`);
    await queryRunner.query(
      `CREATE INDEX "ix_safeguarding_checks_blocking" ON "safeguarding_checks"  ("volunteer_user_id") WHERE result = 'record_found' AND lifted_at IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "safeguarding_checks" ADD CONSTRAINT "ck_safeguarding_checks_lift" CHECK ((lifted_at IS NULL AND lifted_by IS NULL AND lift_reason IS NULL) OR (result = 'record_found' AND lifted_at IS NOT NULL AND lifted_by IS NOT NULL AND lift_reason IS NOT NULL))`,
    );
  }
}
