import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Idempotency1795924703457 implements MigrationInterface {
  name = 'Idempotency1795924703457';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"idempotency_keys\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"key\" character varying(255) NOT NULL, \"operation\" character varying(200) NOT NULL, \"request_hash\" character varying(64) NOT NULL, \"response_status\" integer, \"response_body\" jsonb, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_8ad20779ad0411107a56e53d0f6\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_idempotency_keys_created_at\" ON \"idempotency_keys\"  (\"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_idempotency_keys_user_key\" ON \"idempotency_keys\"  (\"user_id\", \"key\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"uq_idempotency_keys_user_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_idempotency_keys_created_at\"");
    await queryRunner.query("DROP TABLE \"idempotency_keys\"");
  }
}
