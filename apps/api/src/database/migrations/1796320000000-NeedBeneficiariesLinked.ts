import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A need whose children are linked (need_beneficiaries) keeps their number as its beneficiary_count; the flag
 * says so, so an edit of the need cannot type over it. Needs with links today are marked.
 */
export class NeedBeneficiariesLinked1796320000000 implements MigrationInterface {
  name = 'NeedBeneficiariesLinked1796320000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "needs" ADD "beneficiaries_linked" boolean NOT NULL DEFAULT false');
    await queryRunner.query(
      'UPDATE "needs" SET "beneficiaries_linked" = true WHERE "id" IN (SELECT DISTINCT "need_id" FROM "need_beneficiaries")',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "needs" DROP COLUMN "beneficiaries_linked"');
  }
}
