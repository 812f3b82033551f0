import type { MigrationInterface, QueryRunner } from 'typeorm';

export class VolunteersAndNeeds1795926858989 implements MigrationInterface {
  name = 'VolunteersAndNeeds1795926858989';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"programmes\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"org_id\" uuid NOT NULL, \"name\" character varying(100) NOT NULL, \"year\" integer NOT NULL, \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_116b5f8dbb9f632d76bc144404f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_programmes_org_name_year\" ON \"programmes\"  (\"org_id\", \"name\", \"year\") ");
    await queryRunner.query("CREATE TABLE \"needs\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"org_id\" uuid NOT NULL, \"type\" character varying(24) NOT NULL, \"title\" character varying(120) NOT NULL, \"description\" text NOT NULL, \"region_code\" character varying(12) NOT NULL, \"place\" character varying(200), \"lat\" double precision, \"lng\" double precision, \"child_contact\" boolean NOT NULL, \"required_skills\" text array NOT NULL DEFAULT '{}', \"min_age\" integer, \"programme_id\" uuid, \"status\" character varying(16) NOT NULL DEFAULT 'draft', \"starts_at\" TIMESTAMP WITH TIME ZONE, \"ends_at\" TIMESTAMP WITH TIME ZONE, \"target_fen\" bigint, \"beneficiary_count\" integer NOT NULL DEFAULT '0', \"created_by\" uuid NOT NULL, \"published_at\" TIMESTAMP WITH TIME ZONE, \"cancelled_at\" TIMESTAMP WITH TIME ZONE, \"cancel_reason\" character varying(500), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_needs_counts\" CHECK (beneficiary_count >= 0 AND (min_age IS NULL OR min_age >= 0)), CONSTRAINT \"ck_needs_target_fen\" CHECK (target_fen IS NULL OR target_fen > 0), CONSTRAINT \"ck_needs_location\" CHECK ((lat IS NULL) = (lng IS NULL)), CONSTRAINT \"ck_needs_window\" CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at >= starts_at), CONSTRAINT \"PK_fdb71d393bc390a1a09ac047dd1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_needs_starts_at\" ON \"needs\"  (\"starts_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"ix_needs_lat_lng\" ON \"needs\"  (\"lat\", \"lng\") ");
    await queryRunner.query("CREATE INDEX \"ix_needs_org\" ON \"needs\"  (\"org_id\", \"created_at\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"need_items\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"need_id\" uuid NOT NULL, \"name\" character varying(100) NOT NULL, \"unit\" character varying(20) NOT NULL, \"quantity\" integer NOT NULL, \"position\" integer NOT NULL DEFAULT '0', CONSTRAINT \"ck_need_items_quantity\" CHECK (quantity > 0), CONSTRAINT \"PK_7af6b8b75c275c0ed556f455e0e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_need_items_need\" ON \"need_items\"  (\"need_id\", \"position\") ");
    await queryRunner.query("CREATE TABLE \"shift_series\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"need_id\" uuid NOT NULL, \"org_id\" uuid NOT NULL, \"rrule\" character varying(500) NOT NULL, \"time_zone\" character varying(40) NOT NULL DEFAULT 'Asia/Shanghai', \"first_starts_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"duration_minutes\" integer NOT NULL, \"until\" TIMESTAMP WITH TIME ZONE NOT NULL, \"occurrences\" integer NOT NULL, \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_23f9607182edebeed7b269c864d\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_shift_series_need\" ON \"shift_series\"  (\"need_id\") ");
    await queryRunner.query("CREATE TABLE \"shifts\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"need_id\" uuid NOT NULL, \"org_id\" uuid NOT NULL, \"starts_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ends_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"capacity\" integer NOT NULL, \"confirmed_count\" integer NOT NULL DEFAULT '0', \"waitlist_count\" integer NOT NULL DEFAULT '0', \"series_id\" uuid, \"status\" character varying(12) NOT NULL DEFAULT 'scheduled', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_shifts_capacity\" CHECK (capacity >= 0 AND confirmed_count >= 0 AND waitlist_count >= 0 AND confirmed_count <= capacity), CONSTRAINT \"ck_shifts_window\" CHECK (ends_at > starts_at), CONSTRAINT \"PK_84d692e367e4d6cdf045828768c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_shifts_series\" ON \"shifts\"  (\"series_id\") WHERE series_id IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"ix_shifts_need\" ON \"shifts\"  (\"need_id\", \"starts_at\") ");
    await queryRunner.query("CREATE TABLE \"code_of_conduct_versions\" (\"version\" character varying(20) NOT NULL, \"title\" character varying(100) NOT NULL, \"body\" text NOT NULL, \"published_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_929f983e55ea065818764a2fedd\" PRIMARY KEY (\"version\"))");
    await queryRunner.query("CREATE TABLE \"safeguarding_checks\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"volunteer_user_id\" uuid NOT NULL, \"kind\" character varying(40) NOT NULL, \"offence_scope\" text array NOT NULL, \"issuing_authority\" character varying(20) NOT NULL, \"reference\" character varying(80), \"queried_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"result\" character varying(16) NOT NULL, \"verified_by\" uuid NOT NULL, \"verified_org_id\" uuid NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"lifted_at\" TIMESTAMP WITH TIME ZONE, \"lifted_by\" uuid, \"lift_reason\" character varying(500), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_safeguarding_checks_lift\" CHECK ((lifted_at IS NULL AND lifted_by IS NULL AND lift_reason IS NULL) OR (result = 'record_found' AND lifted_at IS NOT NULL AND lifted_by IS NOT NULL AND lift_reason IS NOT NULL)), CONSTRAINT \"ck_safeguarding_checks_expiry\" CHECK (expires_at > queried_at AND expires_at <= ((queried_at AT TIME ZONE 'Asia/Shanghai') + interval '12 months') AT TIME ZONE 'Asia/Shanghai'), CONSTRAINT \"PK_649262e8868eeea925022aa412c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_safeguarding_checks_blocking\" ON \"safeguarding_checks\"  (\"volunteer_user_id\") WHERE result = 'record_found' AND lifted_at IS NULL");
    await queryRunner.query("CREATE INDEX \"ix_safeguarding_checks_volunteer\" ON \"safeguarding_checks\"  (\"volunteer_user_id\", \"expires_at\") ");
    await queryRunner.query("CREATE TABLE \"skills\" (\"code\" character varying(40) NOT NULL, \"name_zh\" character varying(40) NOT NULL, \"name_en\" character varying(60) NOT NULL, \"category\" character varying(20) NOT NULL, \"sort_order\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_038684d9432434385638dce158d\" PRIMARY KEY (\"code\"))");
    await queryRunner.query("CREATE TABLE \"volunteer_profiles\" (\"user_id\" uuid NOT NULL, \"volunteer_number\" character varying(16) NOT NULL, \"skills\" text array NOT NULL DEFAULT '{}', \"languages\" text array NOT NULL DEFAULT '{}', \"region_code\" character varying(12) NOT NULL, \"lat\" double precision, \"lng\" double precision, \"availability\" jsonb NOT NULL DEFAULT '[]', \"monthly_hour_cap\" integer, \"employer_org_id\" uuid, \"birth_date\" date, \"code_of_conduct_version_accepted\" character varying(20), \"code_of_conduct_accepted_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_6b24be7781c877010169534aa31\" PRIMARY KEY (\"user_id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_volunteer_profiles_number\" ON \"volunteer_profiles\"  (\"volunteer_number\") ");
    await queryRunner.query("CREATE INDEX \"ix_volunteer_profiles_employer\" ON \"volunteer_profiles\"  (\"employer_org_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_volunteer_profiles_region\" ON \"volunteer_profiles\"  (\"region_code\") ");
    await queryRunner.query("ALTER TABLE \"needs\" ADD CONSTRAINT \"fk_needs_programme\" FOREIGN KEY (\"programme_id\") REFERENCES \"programmes\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"need_items\" ADD CONSTRAINT \"fk_need_items_need\" FOREIGN KEY (\"need_id\") REFERENCES \"needs\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"shifts\" ADD CONSTRAINT \"fk_shifts_need\" FOREIGN KEY (\"need_id\") REFERENCES \"needs\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"shifts\" ADD CONSTRAINT \"fk_shifts_series\" FOREIGN KEY (\"series_id\") REFERENCES \"shift_series\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    // Hand-written: what the entities cannot express.
    // Unified volunteer numbers (KV + year + serial) come from one sequence, so concurrent registrations never collide.
    await queryRunner.query('CREATE SEQUENCE "volunteer_number_seq" START 1');
    // Search indexes (see modules/needs/README.md). The public feed's sort orders, limited to listed needs:
    await queryRunner.query(`CREATE INDEX "ix_needs_public_created" ON "needs" ("created_at" DESC, "id" DESC) WHERE status IN ('open', 'filled', 'in_progress')`);
    await queryRunner.query(
      `CREATE INDEX "ix_needs_public_starts" ON "needs" ((COALESCE("starts_at", 'infinity'::timestamptz)), "id") WHERE status IN ('open', 'filled', 'in_progress')`,
    );
    // Region prefix matches (LIKE '430524%') use a b-tree only with pattern ops under a non-C collation.
    await queryRunner.query('CREATE INDEX "ix_needs_region_prefix" ON "needs" ("region_code" varchar_pattern_ops)');
    // Skills overlap (&&).
    await queryRunner.query('CREATE INDEX "ix_needs_required_skills" ON "needs" USING gin ("required_skills")');
    // Reference data every installation needs: the skills catalogue and the first code of conduct.
    await queryRunner.query(`INSERT INTO "skills" ("code", "name_zh", "name_en", "category", "sort_order") VALUES
      ('tutoring_chinese', '语文辅导', 'Chinese tutoring', 'tutoring', 10),
      ('tutoring_math', '数学辅导', 'Maths tutoring', 'tutoring', 11),
      ('tutoring_english', '英语辅导', 'English tutoring', 'tutoring', 12),
      ('homework_help', '作业辅导', 'Homework help', 'tutoring', 13),
      ('reading', '阅读推广', 'Reading promotion', 'tutoring', 14),
      ('companionship', '陪伴', 'Companionship', 'care', 20),
      ('counselling', '心理辅导', 'Psychological counselling', 'care', 21),
      ('social_work', '社会工作', 'Social work', 'care', 22),
      ('family_visit', '入户家访', 'Family visits', 'care', 23),
      ('first_aid', '急救', 'First aid', 'health', 30),
      ('health_education', '健康教育', 'Health education', 'health', 31),
      ('medical', '医护', 'Medical care', 'health', 32),
      ('handicraft', '手工', 'Handicraft', 'arts', 40),
      ('music', '音乐', 'Music', 'arts', 41),
      ('fine_arts', '美术', 'Fine arts', 'arts', 42),
      ('photography', '摄影', 'Photography', 'arts', 43),
      ('dance', '舞蹈', 'Dance', 'arts', 44),
      ('sports', '体育', 'Sports', 'sports', 50),
      ('drowning_prevention', '防溺水教育', 'Drowning prevention', 'sports', 51),
      ('driving', '驾驶', 'Driving', 'practical', 60),
      ('goods_handling', '物资搬运与分发', 'Goods handling and distribution', 'practical', 61),
      ('cooking', '烹饪', 'Cooking', 'practical', 62),
      ('computer_skills', '电脑与网络', 'Computers and the internet', 'practical', 63),
      ('legal_aid', '法律援助', 'Legal aid', 'professional', 70),
      ('safety_education', '安全教育', 'Safety education', 'professional', 71),
      ('event_organising', '活动组织', 'Event organising', 'professional', 72),
      ('dialect_xiang', '方言（湘语）', 'Local dialect (Xiang)', 'language', 80),
      ('language_yao', '瑶语', 'Yao language', 'language', 81),
      ('sign_language', '手语', 'Sign language', 'language', 82),
      ('mandarin_teaching', '普通话教学', 'Mandarin teaching', 'language', 83)`);
    await queryRunner.query(
      `INSERT INTO "code_of_conduct_versions" ("version", "title", "body", "published_at") VALUES ($1, $2, $3, $4)`,
      [
        '2026.1',
        '儿童关爱志愿者行为守则',
        [
          '一、尊重每一名儿童，平等对待，不打骂、不体罚、不羞辱，不以任何方式伤害儿童身心。',
          '二、不与儿童在封闭空间单独相处；入户和一对一服务须有社工或监护人在场或知情。',
          '三、保护儿童隐私：不拍摄、不传播儿童照片和个人信息，确需使用须经机构和监护人同意。',
          '四、不通过个人社交账号与儿童私下联系，不向儿童及其家庭索取或赠送财物。',
          '五、发现儿童遭受或疑似遭受侵害、虐待或处于危险中，立即报告机构（《未成年人保护法》第十一条）。',
          '六、服务期间不饮酒、不吸烟，服从机构安排，如实登记服务时间。',
          '七、违反本守则的，机构可终止其服务并依法处理。',
        ].join('\n'),
        '2026-01-01T00:00:00+08:00',
      ],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS "ix_needs_required_skills"');
    await queryRunner.query('DROP INDEX IF EXISTS "ix_needs_region_prefix"');
    await queryRunner.query('DROP INDEX IF EXISTS "ix_needs_public_starts"');
    await queryRunner.query('DROP INDEX IF EXISTS "ix_needs_public_created"');
    await queryRunner.query('DROP SEQUENCE IF EXISTS "volunteer_number_seq"');
    await queryRunner.query("ALTER TABLE \"shifts\" DROP CONSTRAINT \"fk_shifts_series\"");
    await queryRunner.query("ALTER TABLE \"shifts\" DROP CONSTRAINT \"fk_shifts_need\"");
    await queryRunner.query("ALTER TABLE \"need_items\" DROP CONSTRAINT \"fk_need_items_need\"");
    await queryRunner.query("ALTER TABLE \"needs\" DROP CONSTRAINT \"fk_needs_programme\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_volunteer_profiles_region\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_volunteer_profiles_employer\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_volunteer_profiles_number\"");
    await queryRunner.query("DROP TABLE \"volunteer_profiles\"");
    await queryRunner.query("DROP TABLE \"skills\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_safeguarding_checks_volunteer\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_safeguarding_checks_blocking\"");
    await queryRunner.query("DROP TABLE \"safeguarding_checks\"");
    await queryRunner.query("DROP TABLE \"code_of_conduct_versions\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_shifts_need\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_shifts_series\"");
    await queryRunner.query("DROP TABLE \"shifts\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_shift_series_need\"");
    await queryRunner.query("DROP TABLE \"shift_series\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_need_items_need\"");
    await queryRunner.query("DROP TABLE \"need_items\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_needs_org\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_needs_lat_lng\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_needs_starts_at\"");
    await queryRunner.query("DROP TABLE \"needs\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_programmes_org_name_year\"");
    await queryRunner.query("DROP TABLE \"programmes\"");
  }
}
