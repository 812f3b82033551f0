import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a safeguarding block lands, the person's open follow-up pairings end in every NGO, in the recording
 * transaction. Under row-level security that transaction sees no organisation's rows; this read-only policy
 * lets it find the pairings of that one person (`set_config('kindred.pairings_of', userId, true)`), and
 * with them the organisations to bind before ending them (writes still pass the organisation policy).
 */
export class FollowUpsOfBlockedPerson1796330000001 implements MigrationInterface {
  name = 'FollowUpsOfBlockedPerson1796330000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE POLICY "pairings_of_person" ON "child_follow_ups" FOR SELECT USING (user_id = NULLIF(current_setting('kindred.pairings_of', true), '')::uuid)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP POLICY "pairings_of_person" ON "child_follow_ups"');
  }
}
