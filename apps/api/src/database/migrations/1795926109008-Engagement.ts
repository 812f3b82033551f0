import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Engagement1795926109008 implements MigrationInterface {
  name = 'Engagement1795926109008';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"certificates\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"number\" character varying(32) NOT NULL, \"org_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"total_minutes\" integer NOT NULL, \"document\" jsonb NOT NULL, \"issued_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"revoked_by\" uuid, \"revoke_reason\" character varying(300), CONSTRAINT \"PK_e4c7e31e2144300bea7d89eb165\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_certificates_number\" ON \"certificates\"  (\"number\") ");
    await queryRunner.query("CREATE INDEX \"ix_certificates_user\" ON \"certificates\"  (\"user_id\", \"issued_at\") ");
    await queryRunner.query("CREATE TABLE \"hour_records\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"signup_id\" uuid NOT NULL, \"shift_id\" uuid NOT NULL, \"need_id\" uuid NOT NULL, \"org_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"minutes\" integer NOT NULL, \"served_on\" TIMESTAMP WITH TIME ZONE NOT NULL, \"status\" character varying(12) NOT NULL DEFAULT 'pending', \"flag\" character varying(40), \"reverses_id\" uuid, \"note\" character varying(300), \"decided_by\" uuid, \"decided_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_9db238bac420705e499ec9e4e96\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_hour_records_reverses\" ON \"hour_records\"  (\"reverses_id\") WHERE reverses_id IS NOT NULL");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_hour_records_signup\" ON \"hour_records\"  (\"signup_id\") WHERE reverses_id IS NULL");
    await queryRunner.query("CREATE INDEX \"ix_hour_records_shift\" ON \"hour_records\"  (\"shift_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_hour_records_org\" ON \"hour_records\"  (\"org_id\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"ix_hour_records_user\" ON \"hour_records\"  (\"user_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"invitations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"shift_id\" uuid NOT NULL, \"need_id\" uuid NOT NULL, \"org_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"invited_by\" uuid NOT NULL, \"status\" character varying(12) NOT NULL DEFAULT 'pending', \"message\" character varying(300), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_5dec98cfdfd562e4ad3648bbb07\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_invitations_user\" ON \"invitations\"  (\"user_id\", \"status\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_invitations_open\" ON \"invitations\"  (\"shift_id\", \"user_id\") WHERE status = 'pending'");
    await queryRunner.query("CREATE TABLE \"shift_seats\" (\"shift_id\" uuid NOT NULL, \"need_id\" uuid NOT NULL, \"org_id\" uuid NOT NULL, \"starts_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ends_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"capacity\" integer NOT NULL, \"confirmed_count\" integer NOT NULL DEFAULT '0', \"waitlist_count\" integer NOT NULL DEFAULT '0', \"waitlist_seq\" integer NOT NULL DEFAULT '0', \"last_outcome\" character varying(12) NOT NULL DEFAULT 'none', \"need_open\" boolean NOT NULL, \"child_contact\" boolean NOT NULL, \"min_age\" integer, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_shift_seats_capacity\" CHECK (confirmed_count >= 0 AND confirmed_count <= capacity AND waitlist_count >= 0), CONSTRAINT \"PK_c7c1345290e8e0ee2a1e48c1460\" PRIMARY KEY (\"shift_id\"))");
    await queryRunner.query("CREATE INDEX \"ix_shift_seats_need\" ON \"shift_seats\"  (\"need_id\") ");
    await queryRunner.query("CREATE TABLE \"signups\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"shift_id\" uuid NOT NULL, \"need_id\" uuid NOT NULL, \"org_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"status\" character varying(12) NOT NULL, \"waitlist_seq\" integer, \"confirmed_at\" TIMESTAMP WITH TIME ZONE, \"cancelled_at\" TIMESTAMP WITH TIME ZONE, \"cancel_reason\" character varying(300), \"late_cancellation\" boolean NOT NULL DEFAULT false, \"skipped_reason\" character varying(40), \"invitation_id\" uuid, \"checked_in_at\" TIMESTAMP WITH TIME ZONE, \"check_in_method\" character varying(12), \"checked_out_at\" TIMESTAMP WITH TIME ZONE, \"auto_closed\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_00508d1ace4b24227069d2ffcda\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_signups_org\" ON \"signups\"  (\"org_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_signups_user\" ON \"signups\"  (\"user_id\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"ix_signups_waitlist\" ON \"signups\"  (\"shift_id\", \"waitlist_seq\") WHERE status = 'waitlisted'");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_signups_active\" ON \"signups\"  (\"shift_id\", \"user_id\") WHERE status IN ('confirmed', 'waitlisted')");
    // Hand-written: certificate numbers come from a sequence (unique across replicas, never reused).
    await queryRunner.query('CREATE SEQUENCE "certificate_number_seq" START 1');
    // Hand-written: a decided hour record never changes; only a pending one may be decided. Nothing is deleted.
    await queryRunner.query(`CREATE FUNCTION hour_records_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'hour_records are never deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.status <> 'pending' THEN
          RAISE EXCEPTION 'a % hour record is immutable; add a reversing record', OLD.status USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.minutes <> OLD.minutes OR NEW.user_id <> OLD.user_id OR NEW.signup_id <> OLD.signup_id OR NEW.org_id <> OLD.org_id THEN
          RAISE EXCEPTION 'only the decision of a pending hour record may change' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query('CREATE TRIGGER hour_records_guard BEFORE UPDATE OR DELETE ON "hour_records" FOR EACH ROW EXECUTE FUNCTION hour_records_guard()');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER IF EXISTS hour_records_guard ON "hour_records"');
    await queryRunner.query('DROP FUNCTION IF EXISTS hour_records_guard()');
    await queryRunner.query('DROP SEQUENCE IF EXISTS "certificate_number_seq"');
    await queryRunner.query("DROP INDEX \"public\".\"uq_signups_active\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_signups_waitlist\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_signups_user\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_signups_org\"");
    await queryRunner.query("DROP TABLE \"signups\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_shift_seats_need\"");
    await queryRunner.query("DROP TABLE \"shift_seats\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_invitations_open\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_invitations_user\"");
    await queryRunner.query("DROP TABLE \"invitations\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_hour_records_user\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_hour_records_org\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_hour_records_shift\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_hour_records_signup\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_hour_records_reverses\"");
    await queryRunner.query("DROP TABLE \"hour_records\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_certificates_user\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_certificates_number\"");
    await queryRunner.query("DROP TABLE \"certificates\"");
  }
}
