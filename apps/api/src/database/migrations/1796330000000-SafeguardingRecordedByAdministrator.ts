import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A platform administrator may record a record found for any volunteer, for no NGO of their own:
 * the recording organisation becomes optional (the recorder, `verified_by`, never is).
 */
export class SafeguardingRecordedByAdministrator1796330000000 implements MigrationInterface {
  name = 'SafeguardingRecordedByAdministrator1796330000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "safeguarding_checks" ALTER COLUMN "verified_org_id" DROP NOT NULL');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "safeguarding_checks" ALTER COLUMN "verified_org_id" SET NOT NULL');
  }
}
