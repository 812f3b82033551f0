import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795923956901 implements MigrationInterface {
  name = 'Init1795923956901';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" BIGSERIAL NOT NULL, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"actor_user_id\" uuid, \"action\" character varying(64) NOT NULL, \"entity_type\" character varying(48) NOT NULL, \"entity_id\" character varying(64) NOT NULL, \"org_id\" uuid, \"request_id\" character varying(64), \"diff\" jsonb NOT NULL, CONSTRAINT \"PK_07fefa57f7f5ab8fc3f52b3ed0b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_audit_log_org_id\" ON \"audit_log\"  (\"org_id\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"organizations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" character varying(16) NOT NULL, \"name\" character varying(100) NOT NULL, \"region_code\" character varying(12) NOT NULL, \"status\" character varying(16) NOT NULL DEFAULT 'unverified', \"created_by\" uuid NOT NULL, \"verified_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_6b031fcd0863e3f6b44230163f9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"email\" character varying(254), \"phone\" character varying(11), \"password_hash\" character varying(200) NOT NULL, \"display_name\" character varying(60) NOT NULL, \"locale\" character varying(8) NOT NULL DEFAULT 'zh-CN', \"is_platform_admin\" boolean NOT NULL DEFAULT false, \"failed_login_count\" integer NOT NULL DEFAULT '0', \"locked_until\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_users_email\" ON \"users\"  (\"email\") WHERE email IS NOT NULL");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_users_phone\" ON \"users\"  (\"phone\") WHERE phone IS NOT NULL");
    await queryRunner.query("CREATE TABLE \"memberships\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"org_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"role\" character varying(16) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_25d28bd932097a9e90495ede7b4\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_memberships_user\" ON \"memberships\"  (\"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_memberships_org_user\" ON \"memberships\"  (\"org_id\", \"user_id\") ");
    await queryRunner.query("CREATE TABLE \"sessions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"family_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"token_hash\" character varying(64) NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"spent_at\" TIMESTAMP WITH TIME ZONE, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_3238ef96f18b355b671619111bc\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_sessions_family\" ON \"sessions\"  (\"family_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_sessions_user\" ON \"sessions\"  (\"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_sessions_token_hash\" ON \"sessions\"  (\"token_hash\") ");
    await queryRunner.query("CREATE TABLE \"events\" (\"id\" BIGSERIAL NOT NULL, \"type\" character varying(48) NOT NULL, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"org_ids\" uuid array NOT NULL DEFAULT '{}', \"need_id\" uuid, \"user_ids\" uuid array NOT NULL DEFAULT '{}', \"payload\" jsonb NOT NULL, CONSTRAINT \"PK_40731c7151fe4be3116e45ddf73\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_events_occurred_at\" ON \"events\"  (\"occurred_at\") ");
    await queryRunner.query("ALTER TABLE \"memberships\" ADD CONSTRAINT \"FK_8c6a511c72951c42e008f5537dc\" FOREIGN KEY (\"org_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"memberships\" ADD CONSTRAINT \"FK_7c1e2fdfed4f6838e0c05ae5051\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    // Hand-written: indexes the entity marks synchronize:false (GIN on arrays, for replay by room).
    await queryRunner.query('CREATE INDEX "ix_events_org_ids" ON "events" USING GIN ("org_ids")');
    await queryRunner.query('CREATE INDEX "ix_events_user_ids" ON "events" USING GIN ("user_ids")');
    await queryRunner.query('CREATE INDEX "ix_events_need_id" ON "events" ("need_id") WHERE need_id IS NOT NULL');
    // Hand-written: the audit log is append-only inside PostgreSQL, whatever the application does.
    await queryRunner.query(`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query('CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()');
    await queryRunner.query('CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER IF EXISTS audit_log_no_truncate ON "audit_log"');
    await queryRunner.query('DROP TRIGGER IF EXISTS audit_log_no_update ON "audit_log"');
    await queryRunner.query('DROP FUNCTION IF EXISTS audit_log_append_only()');
    await queryRunner.query('DROP INDEX IF EXISTS "ix_events_need_id"');
    await queryRunner.query('DROP INDEX IF EXISTS "ix_events_user_ids"');
    await queryRunner.query('DROP INDEX IF EXISTS "ix_events_org_ids"');
    await queryRunner.query("ALTER TABLE \"memberships\" DROP CONSTRAINT \"FK_7c1e2fdfed4f6838e0c05ae5051\"");
    await queryRunner.query("ALTER TABLE \"memberships\" DROP CONSTRAINT \"FK_8c6a511c72951c42e008f5537dc\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_events_occurred_at\"");
    await queryRunner.query("DROP TABLE \"events\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_sessions_token_hash\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_sessions_user\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_sessions_family\"");
    await queryRunner.query("DROP TABLE \"sessions\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_memberships_org_user\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_memberships_user\"");
    await queryRunner.query("DROP TABLE \"memberships\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_users_phone\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_users_email\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("DROP TABLE \"organizations\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_audit_log_org_id\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
  }
}
