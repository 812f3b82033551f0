import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The same rule as the children's tables: rows of the organisations bound to the transaction only (none when unbound). */
const ORG_POLICY = `org_id = ANY (string_to_array(NULLIF(current_setting('kindred.org_ids', true), ''), ',')::uuid[])`;

/**
 * A reporter reads the status of their own concerns in any NGO without that
 * NGO being bound: `kindred.concern_reporter` (SET LOCAL, like the org set) names
 * the reader. Reading only: every write still needs the organisation bound.
 */
const REPORTER_POLICY = `reporter_user_id = NULLIF(current_setting('kindred.concern_reporter', true), '')::uuid`;

/**
 * Safeguarding concerns (R6, R7): one table under FORCE'd row-level security,
 * its text encrypted by the application (no plaintext column), an
 * acknowledgement deadline, the police-report decision and the outcome.
 */
export class Concerns1796310000000 implements MigrationInterface {
  name = 'Concerns1796310000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"concerns\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"org_id\" uuid NOT NULL, \"child_id\" uuid, \"child_description_enc\" text, \"reporter_user_id\" uuid, \"category\" character varying(30) NOT NULL, \"description_enc\" text NOT NULL, \"immediate_danger\" boolean NOT NULL DEFAULT false, \"occurred_at\" TIMESTAMP WITH TIME ZONE, \"location_enc\" text, \"status\" character varying(12) NOT NULL DEFAULT 'open', \"ack_due_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"acknowledged_at\" TIMESTAMP WITH TIME ZONE, \"acknowledged_by\" uuid, \"reported_to_authorities\" boolean, \"report_authority\" character varying(200), \"report_reference\" character varying(100), \"report_reason_enc\" text, \"report_decided_at\" TIMESTAMP WITH TIME ZONE, \"report_decided_by\" uuid, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"closed_by\" uuid, \"outcome_enc\" text, \"source\" character varying(16) NOT NULL DEFAULT 'manual', \"overdue_notified_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_concerns_decision\" CHECK ((reported_to_authorities IS NULL) = (report_decided_at IS NULL)), CONSTRAINT \"ck_concerns_closed\" CHECK ((status = 'closed') = (closed_at IS NOT NULL)), CONSTRAINT \"ck_concerns_child\" CHECK (child_id IS NOT NULL OR child_description_enc IS NOT NULL), CONSTRAINT \"PK_743844335346f7379d1fc28950a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_concerns_child\" ON \"concerns\"  (\"child_id\") WHERE child_id IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"ix_concerns_reporter\" ON \"concerns\"  (\"reporter_user_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_concerns_org_status_due\" ON \"concerns\"  (\"org_id\", \"status\", \"ack_due_at\") ");
    await queryRunner.query(`ALTER TABLE "concerns" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "concerns" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY "org_isolation" ON "concerns" USING (${ORG_POLICY}) WITH CHECK (${ORG_POLICY})`);
    await queryRunner.query(`CREATE POLICY "reporter_reads_own" ON "concerns" FOR SELECT USING (${REPORTER_POLICY})`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY "reporter_reads_own" ON "concerns"`);
    await queryRunner.query(`DROP POLICY "org_isolation" ON "concerns"`);
    await queryRunner.query(`ALTER TABLE "concerns" NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "concerns" DISABLE ROW LEVEL SECURITY`);
    await queryRunner.query("DROP INDEX \"public\".\"ix_concerns_org_status_due\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_concerns_reporter\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_concerns_child\"");
    await queryRunner.query("DROP TABLE \"concerns\"");
  }
}
