import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Matching1795929050795 implements MigrationInterface {
  name = 'Matching1795929050795';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"goods_offers\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"donor_user_id\" uuid NOT NULL, \"on_behalf_of_org_id\" uuid, \"item_name\" character varying(100) NOT NULL, \"item_key\" character varying(100) NOT NULL, \"unit\" character varying(20) NOT NULL, \"quantity\" integer NOT NULL, \"region_code\" character varying(12) NOT NULL, \"lat\" double precision, \"lng\" double precision, \"available_until\" TIMESTAMP WITH TIME ZONE NOT NULL, \"note\" character varying(500), \"status\" character varying(12) NOT NULL DEFAULT 'open', \"reserved_at\" TIMESTAMP WITH TIME ZONE, \"accept_key\" character varying(255), \"accepted_need_id\" uuid, \"pledge_id\" uuid, \"accepted_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_goods_offers_used\" CHECK ((status = 'used') = (pledge_id IS NOT NULL)), CONSTRAINT \"ck_goods_offers_status\" CHECK (status IN ('open', 'reserved', 'used', 'withdrawn')), CONSTRAINT \"ck_goods_offers_location\" CHECK ((lat IS NULL) = (lng IS NULL)), CONSTRAINT \"ck_goods_offers_quantity\" CHECK (quantity > 0), CONSTRAINT \"PK_dcd5e7681fb08876d4fb28123b2\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_goods_offers_open_key\" ON \"goods_offers\"  (\"item_key\", \"available_until\") WHERE status = 'open'");
    await queryRunner.query("CREATE INDEX \"ix_goods_offers_company\" ON \"goods_offers\"  (\"on_behalf_of_org_id\", \"created_at\") WHERE on_behalf_of_org_id IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"ix_goods_offers_donor\" ON \"goods_offers\"  (\"donor_user_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_volunteer_profiles_lat_lng\" ON \"volunteer_profiles\"  (\"lat\", \"lng\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ix_volunteer_profiles_lat_lng\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_goods_offers_donor\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_goods_offers_company\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_goods_offers_open_key\"");
    await queryRunner.query("DROP TABLE \"goods_offers\"");
  }
}
