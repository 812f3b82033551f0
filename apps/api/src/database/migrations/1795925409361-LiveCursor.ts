import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveCursor1795925409361 implements MigrationInterface {
  name = 'LiveCursor1795925409361';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"outbox_cursor\" (\"name\" character varying(32) NOT NULL, \"position\" bigint NOT NULL DEFAULT '0', \"previous_position\" bigint NOT NULL DEFAULT '0', \"pruned_through\" bigint NOT NULL DEFAULT '0', \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_a9d62674481cec7aefcc3f97dcb\" PRIMARY KEY (\"name\"))");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"outbox_cursor\"");
  }
}
