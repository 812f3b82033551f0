import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CheckInAttempts1796269233510 implements MigrationInterface {
  name = 'CheckInAttempts1796269233510';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"check_in_attempts\" (\"shift_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"failures\" integer NOT NULL, \"last_failed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"locked_until\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_dd7b3473fb0da51480ebdcf2836\" PRIMARY KEY (\"shift_id\", \"user_id\"))");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"check_in_attempts\"");
  }
}
