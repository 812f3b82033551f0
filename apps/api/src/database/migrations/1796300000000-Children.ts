import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every table of the children context; each carries `org_id` and is under row-level security. */
export const CHILDREN_TABLES = [
  'child_households',
  'children',
  'child_category_changes',
  'child_consents',
  'child_services',
  'child_assessments',
  'child_follow_ups',
  'need_beneficiaries',
] as const;

/**
 * Rows are visible and writable only for the organisations bound to the
 * current transaction (`set_config('kindred.org_ids', …, true)`, see
 * common/database/org-scoped-tx.ts). Unset or empty means no rows. FORCE
 * applies it to the table owner too; only a superuser or a BYPASSRLS role
 * (which the API's role never is) would see past it.
 */
const ORG_POLICY = `org_id = ANY (string_to_array(NULLIF(current_setting('kindred.org_ids', true), ''), ',')::uuid[])`;

/**
 * The children's registry: files with encrypted identity fields and keyed
 * blind indexes, households, category history, consent, services and visits,
 * assessments, one-to-one follow-ups, and the children a need reaches.
 */
export class Children1796300000000 implements MigrationInterface {
  name = 'Children1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"child_households\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"org_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_8f00225dd0f2f021d421620f85d\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_child_households_org\" ON \"child_households\"  (\"org_id\") ");
    await queryRunner.query("CREATE TABLE \"children\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"org_id\" uuid NOT NULL, \"household_id\" uuid NOT NULL, \"alias\" character varying(40) NOT NULL, \"gender\" character varying(8) NOT NULL, \"birth_date\" date NOT NULL, \"region_code\" character varying(12) NOT NULL, \"school_name\" character varying(200), \"grade\" character varying(40), \"categories\" text array NOT NULL, \"living_arrangement\" character varying(20), \"social_assistance\" character varying(10) NOT NULL DEFAULT 'none', \"risk_level\" character varying(10) NOT NULL DEFAULT 'low', \"status\" character varying(10) NOT NULL DEFAULT 'active', \"registered_on\" date NOT NULL, \"exited_on\" date, \"exit_reason\" character varying(30), \"next_visit_due\" date, \"next_reassessment_due\" date, \"last_parent_contact_on\" date, \"legal_name_enc\" text NOT NULL, \"id_number_enc\" text, \"address_enc\" text, \"guardians_enc\" text, \"name_bidx\" character varying(64) NOT NULL, \"id_number_bidx\" character varying(64), \"created_by\" uuid, \"version\" integer NOT NULL DEFAULT '1', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_children_exit\" CHECK ((status = 'active' AND exited_on IS NULL AND exit_reason IS NULL) OR (status = 'exited' AND exited_on IS NOT NULL AND exit_reason IS NOT NULL)), CONSTRAINT \"PK_8c5a7cbebf2c702830ef38d22b0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_children_household\" ON \"children\"  (\"household_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_children_org_status_visit\" ON \"children\"  (\"org_id\", \"status\", \"next_visit_due\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"ux_children_id_number_bidx\" ON \"children\"  (\"org_id\", \"id_number_bidx\") WHERE id_number_bidx IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"ix_children_name_bidx\" ON \"children\"  (\"org_id\", \"name_bidx\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"ux_children_alias\" ON \"children\"  (\"org_id\", \"alias\") ");
    await queryRunner.query("CREATE TABLE \"child_assessments\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"org_id\" uuid NOT NULL, \"child_id\" uuid NOT NULL, \"kind\" character varying(20) NOT NULL, \"date\" date NOT NULL, \"score\" smallint NOT NULL, \"concern\" boolean NOT NULL DEFAULT false, \"recorded_by\" uuid, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_child_assessments_score\" CHECK (score >= 0 AND score <= 100), CONSTRAINT \"PK_997d6f1ac35dfb07c535a0eb791\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_child_assessments_org\" ON \"child_assessments\"  (\"org_id\", \"kind\", \"date\") ");
    await queryRunner.query("CREATE INDEX \"ix_child_assessments_child\" ON \"child_assessments\"  (\"child_id\", \"date\") ");
    await queryRunner.query("CREATE TABLE \"child_category_changes\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"org_id\" uuid NOT NULL, \"child_id\" uuid NOT NULL, \"from_categories\" text array NOT NULL, \"to_categories\" text array NOT NULL, \"reason\" character varying(500), \"effective_on\" date NOT NULL, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"recorded_by\" uuid, CONSTRAINT \"PK_e4663ed1a01333578500e000d72\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_child_category_changes_org\" ON \"child_category_changes\"  (\"org_id\", \"effective_on\") ");
    await queryRunner.query("CREATE INDEX \"ix_child_category_changes_child\" ON \"child_category_changes\"  (\"child_id\", \"effective_on\") ");
    await queryRunner.query("CREATE TABLE \"child_consents\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"org_id\" uuid NOT NULL, \"child_id\" uuid NOT NULL, \"given_by_enc\" text NOT NULL, \"relation\" character varying(40) NOT NULL, \"method\" character varying(10) NOT NULL, \"scopes\" text array NOT NULL, \"given_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE, \"withdrawn_at\" TIMESTAMP WITH TIME ZONE, \"withdrawn_by\" uuid, \"recorded_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_38e8b3f9b7fe7db4d86e63051e8\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_child_consents_org\" ON \"child_consents\"  (\"org_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_child_consents_child\" ON \"child_consents\"  (\"child_id\", \"given_at\") ");
    await queryRunner.query("CREATE TABLE \"child_follow_ups\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"org_id\" uuid NOT NULL, \"child_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"role\" character varying(20) NOT NULL, \"contact_every_days\" integer NOT NULL, \"started_on\" date NOT NULL, \"ended_on\" date, \"last_contact_on\" date, \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_child_follow_ups_dates\" CHECK (ended_on IS NULL OR ended_on >= started_on), CONSTRAINT \"ck_child_follow_ups_cadence\" CHECK (contact_every_days > 0), CONSTRAINT \"PK_cb4d97bf5cfd455fa039e35e06a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_child_follow_ups_org\" ON \"child_follow_ups\"  (\"org_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_child_follow_ups_user\" ON \"child_follow_ups\"  (\"user_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_child_follow_ups_child\" ON \"child_follow_ups\"  (\"child_id\") ");
    await queryRunner.query("CREATE TABLE \"child_services\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"org_id\" uuid NOT NULL, \"child_id\" uuid NOT NULL, \"kind\" character varying(30) NOT NULL, \"date\" date NOT NULL, \"need_id\" uuid, \"shift_id\" uuid, \"pledge_id\" uuid, \"amount_fen\" bigint, \"quantity\" integer, \"notes\" character varying(2000), \"recorded_by\" uuid, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_child_services_quantity\" CHECK (quantity IS NULL OR quantity > 0), CONSTRAINT \"ck_child_services_amount\" CHECK (amount_fen IS NULL OR amount_fen >= 0), CONSTRAINT \"PK_b14ccf1140c7149f3c1248a73ec\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_child_services_need\" ON \"child_services\"  (\"need_id\") WHERE need_id IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"ix_child_services_org\" ON \"child_services\"  (\"org_id\", \"date\") ");
    await queryRunner.query("CREATE INDEX \"ix_child_services_child\" ON \"child_services\"  (\"child_id\", \"date\") ");
    await queryRunner.query("CREATE TABLE \"need_beneficiaries\" (\"need_id\" uuid NOT NULL, \"child_id\" uuid NOT NULL, \"org_id\" uuid NOT NULL, \"need_to_know\" text array NOT NULL DEFAULT '{}', \"granted_by\" uuid, \"linked_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_dff8945dade1d77578e9c6e96fe\" PRIMARY KEY (\"need_id\", \"child_id\"))");
    await queryRunner.query("CREATE INDEX \"ix_need_beneficiaries_org\" ON \"need_beneficiaries\"  (\"org_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_need_beneficiaries_child\" ON \"need_beneficiaries\"  (\"child_id\") ");
    await queryRunner.query("ALTER TABLE \"children\" ADD CONSTRAINT \"fk_children_household\" FOREIGN KEY (\"household_id\") REFERENCES \"child_households\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"child_assessments\" ADD CONSTRAINT \"fk_child_assessments_child\" FOREIGN KEY (\"child_id\") REFERENCES \"children\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"child_category_changes\" ADD CONSTRAINT \"fk_child_category_changes_child\" FOREIGN KEY (\"child_id\") REFERENCES \"children\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"child_consents\" ADD CONSTRAINT \"fk_child_consents_child\" FOREIGN KEY (\"child_id\") REFERENCES \"children\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"child_follow_ups\" ADD CONSTRAINT \"fk_child_follow_ups_child\" FOREIGN KEY (\"child_id\") REFERENCES \"children\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"child_services\" ADD CONSTRAINT \"fk_child_services_child\" FOREIGN KEY (\"child_id\") REFERENCES \"children\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"need_beneficiaries\" ADD CONSTRAINT \"fk_need_beneficiaries_child\" FOREIGN KEY (\"child_id\") REFERENCES \"children\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    for (const table of CHILDREN_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY "org_isolation" ON "${table}" USING (${ORG_POLICY}) WITH CHECK (${ORG_POLICY})`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of CHILDREN_TABLES) {
      await queryRunner.query(`DROP POLICY "org_isolation" ON "${table}"`);
      await queryRunner.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
    await queryRunner.query("ALTER TABLE \"need_beneficiaries\" DROP CONSTRAINT \"fk_need_beneficiaries_child\"");
    await queryRunner.query("ALTER TABLE \"child_services\" DROP CONSTRAINT \"fk_child_services_child\"");
    await queryRunner.query("ALTER TABLE \"child_follow_ups\" DROP CONSTRAINT \"fk_child_follow_ups_child\"");
    await queryRunner.query("ALTER TABLE \"child_consents\" DROP CONSTRAINT \"fk_child_consents_child\"");
    await queryRunner.query("ALTER TABLE \"child_category_changes\" DROP CONSTRAINT \"fk_child_category_changes_child\"");
    await queryRunner.query("ALTER TABLE \"child_assessments\" DROP CONSTRAINT \"fk_child_assessments_child\"");
    await queryRunner.query("ALTER TABLE \"children\" DROP CONSTRAINT \"fk_children_household\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_need_beneficiaries_child\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_need_beneficiaries_org\"");
    await queryRunner.query("DROP TABLE \"need_beneficiaries\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_child_services_child\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_child_services_org\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_child_services_need\"");
    await queryRunner.query("DROP TABLE \"child_services\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_child_follow_ups_child\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_child_follow_ups_user\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_child_follow_ups_org\"");
    await queryRunner.query("DROP TABLE \"child_follow_ups\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_child_consents_child\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_child_consents_org\"");
    await queryRunner.query("DROP TABLE \"child_consents\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_child_category_changes_child\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_child_category_changes_org\"");
    await queryRunner.query("DROP TABLE \"child_category_changes\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_child_assessments_child\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_child_assessments_org\"");
    await queryRunner.query("DROP TABLE \"child_assessments\"");
    await queryRunner.query("DROP INDEX \"public\".\"ux_children_alias\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_children_name_bidx\"");
    await queryRunner.query("DROP INDEX \"public\".\"ux_children_id_number_bidx\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_children_org_status_visit\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_children_household\"");
    await queryRunner.query("DROP TABLE \"children\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_child_households_org\"");
    await queryRunner.query("DROP TABLE \"child_households\"");
  }
}
