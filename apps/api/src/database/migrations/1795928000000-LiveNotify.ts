import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Commits that write events wake the outbox publisher on whichever replica holds the role. */
export class LiveNotify1795928000000 implements MigrationInterface {
  name = 'LiveNotify1795928000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // NOTIFY is transactional: it is delivered when the writing transaction commits, never on rollback,
    // and repeated notifications of one transaction are folded into one.
    await queryRunner.query(`CREATE FUNCTION events_notify_publisher() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('kindred_outbox', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query('CREATE TRIGGER events_notify_publisher AFTER INSERT ON "events" FOR EACH STATEMENT EXECUTE FUNCTION events_notify_publisher()');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER IF EXISTS events_notify_publisher ON "events"');
    await queryRunner.query('DROP FUNCTION IF EXISTS events_notify_publisher()');
  }
}
