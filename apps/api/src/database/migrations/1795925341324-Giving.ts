import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Giving1795925341324 implements MigrationInterface {
  name = 'Giving1795925341324';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"pledges\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"org_id\" uuid NOT NULL, \"need_id\" uuid, \"programme_id\" uuid, \"kind\" character varying(8) NOT NULL, \"donor_user_id\" uuid NOT NULL, \"on_behalf_of_org_id\" uuid, \"channel\" character varying(24) NOT NULL DEFAULT 'online_form', \"document_id\" uuid, \"note\" character varying(500), \"status\" character varying(16) NOT NULL DEFAULT 'pledged', \"pledged_fen\" bigint, \"received_fen\" bigint NOT NULL DEFAULT '0', \"used_fen\" bigint NOT NULL DEFAULT '0', \"cancelled_at\" TIMESTAMP WITH TIME ZONE, \"cancelled_by\" uuid, \"cancel_reason\" character varying(500), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_pledges_goods\" CHECK (kind <> 'goods' OR (pledged_fen IS NULL AND received_fen = 0 AND used_fen = 0)), CONSTRAINT \"ck_pledges_money\" CHECK (kind <> 'money' OR (pledged_fen > 0 AND 0 <= used_fen AND used_fen <= received_fen AND received_fen <= pledged_fen)), CONSTRAINT \"PK_cbc41e4e1ba6b2690543f158d22\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_pledges_need\" ON \"pledges\"  (\"need_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_pledges_company\" ON \"pledges\"  (\"on_behalf_of_org_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_pledges_donor\" ON \"pledges\"  (\"donor_user_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_pledges_org_id\" ON \"pledges\"  (\"org_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"pledge_ledger_entries\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"pledge_id\" uuid NOT NULL, \"org_id\" uuid NOT NULL, \"kind\" character varying(8) NOT NULL, \"amount_fen\" bigint, \"receipt_number\" character varying(64), \"description\" character varying(1000), \"beneficiary_count\" integer, \"beneficiaries\" jsonb, \"place_region_code\" character varying(12), \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"recorded_by\" uuid NOT NULL, \"reverses_id\" uuid, \"reversal_reason\" character varying(500), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_e9306470a466f341592e7be1835\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_ledger_reverses\" ON \"pledge_ledger_entries\"  (\"reverses_id\") WHERE reverses_id IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"ix_ledger_pledge\" ON \"pledge_ledger_entries\"  (\"pledge_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"evidence_files\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"org_id\" uuid NOT NULL, \"uploaded_by\" uuid NOT NULL, \"content_type\" character varying(40) NOT NULL, \"size_bytes\" integer NOT NULL, \"sha256\" character varying(64) NOT NULL, \"storage_key\" character varying(200) NOT NULL, \"entry_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_f8d1a9a8e0430b749e2f4694460\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_evidence_entry\" ON \"evidence_files\"  (\"entry_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_evidence_org\" ON \"evidence_files\"  (\"org_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"pledge_lines\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"pledge_id\" uuid NOT NULL, \"item_id\" uuid NOT NULL, \"name\" character varying(100) NOT NULL, \"unit\" character varying(20) NOT NULL, \"quantity\" integer NOT NULL, \"received\" integer NOT NULL DEFAULT '0', \"used\" integer NOT NULL DEFAULT '0', CONSTRAINT \"ck_pledge_lines_amounts\" CHECK (quantity > 0 AND 0 <= used AND used <= received AND received <= quantity), CONSTRAINT \"PK_af6561dc10b2c1bd4101f42eb87\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_pledge_lines_item\" ON \"pledge_lines\"  (\"pledge_id\", \"item_id\") ");
    await queryRunner.query("CREATE TABLE \"pledge_ledger_lines\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"entry_id\" uuid NOT NULL, \"line_id\" uuid NOT NULL, \"quantity\" integer NOT NULL, CONSTRAINT \"ck_ledger_lines_nonzero\" CHECK (quantity <> 0), CONSTRAINT \"PK_81525f6ba4a3da6ac240976327c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_ledger_lines_line\" ON \"pledge_ledger_lines\"  (\"line_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_ledger_lines_entry\" ON \"pledge_ledger_lines\"  (\"entry_id\") ");
    await queryRunner.query("ALTER TABLE \"pledge_ledger_entries\" ADD CONSTRAINT \"fk_ledger_entries_pledge\" FOREIGN KEY (\"pledge_id\") REFERENCES \"pledges\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"pledge_ledger_entries\" ADD CONSTRAINT \"fk_ledger_entries_reverses\" FOREIGN KEY (\"reverses_id\") REFERENCES \"pledge_ledger_entries\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence_files\" ADD CONSTRAINT \"fk_evidence_entry\" FOREIGN KEY (\"entry_id\") REFERENCES \"pledge_ledger_entries\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"pledge_lines\" ADD CONSTRAINT \"fk_pledge_lines_pledge\" FOREIGN KEY (\"pledge_id\") REFERENCES \"pledges\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"pledge_ledger_lines\" ADD CONSTRAINT \"fk_ledger_lines_entry\" FOREIGN KEY (\"entry_id\") REFERENCES \"pledge_ledger_entries\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"pledge_ledger_lines\" ADD CONSTRAINT \"fk_ledger_lines_line\" FOREIGN KEY (\"line_id\") REFERENCES \"pledge_lines\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    // Hand-written: ledger rows are never edited or removed; corrections are reversing entries.
    await queryRunner.query(`CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query('CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON "pledge_ledger_entries" FOR EACH ROW EXECUTE FUNCTION ledger_append_only()');
    await queryRunner.query('CREATE TRIGGER ledger_lines_append_only BEFORE UPDATE OR DELETE ON "pledge_ledger_lines" FOR EACH ROW EXECUTE FUNCTION ledger_append_only()');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER IF EXISTS ledger_lines_append_only ON "pledge_ledger_lines"');
    await queryRunner.query('DROP TRIGGER IF EXISTS ledger_entries_append_only ON "pledge_ledger_entries"');
    await queryRunner.query('DROP FUNCTION IF EXISTS ledger_append_only()');
    await queryRunner.query("ALTER TABLE \"pledge_ledger_lines\" DROP CONSTRAINT \"fk_ledger_lines_line\"");
    await queryRunner.query("ALTER TABLE \"pledge_ledger_lines\" DROP CONSTRAINT \"fk_ledger_lines_entry\"");
    await queryRunner.query("ALTER TABLE \"pledge_lines\" DROP CONSTRAINT \"fk_pledge_lines_pledge\"");
    await queryRunner.query("ALTER TABLE \"evidence_files\" DROP CONSTRAINT \"fk_evidence_entry\"");
    await queryRunner.query("ALTER TABLE \"pledge_ledger_entries\" DROP CONSTRAINT \"fk_ledger_entries_reverses\"");
    await queryRunner.query("ALTER TABLE \"pledge_ledger_entries\" DROP CONSTRAINT \"fk_ledger_entries_pledge\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_ledger_lines_entry\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_ledger_lines_line\"");
    await queryRunner.query("DROP TABLE \"pledge_ledger_lines\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_pledge_lines_item\"");
    await queryRunner.query("DROP TABLE \"pledge_lines\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_evidence_org\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_evidence_entry\"");
    await queryRunner.query("DROP TABLE \"evidence_files\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_ledger_pledge\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_ledger_reverses\"");
    await queryRunner.query("DROP TABLE \"pledge_ledger_entries\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_pledges_org_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_pledges_donor\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_pledges_company\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_pledges_need\"");
    await queryRunner.query("DROP TABLE \"pledges\"");
  }
}
