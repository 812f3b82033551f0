import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the children list (GET /organizations/{orgId}/children): the
 * default order (registered_on, id within an organisation and status), covering
 * the filtered columns so the page's `total` is an index-only count, the
 * category filter (GIN, `&&`) and the region prefix filter (pattern ops, so
 * `LIKE '430523%'` is an index range whatever the database's collation).
 */
export class ChildrenIndexes1796300000001 implements MigrationInterface {
  name = 'ChildrenIndexes1796300000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "ix_children_org_status_registered" ON "children" ("org_id", "status", "registered_on", "id") INCLUDE ("categories", "birth_date", "region_code", "next_visit_due")',
    );
    await queryRunner.query('CREATE INDEX "ix_children_categories" ON "children" USING GIN ("categories")');
    await queryRunner.query('CREATE INDEX "ix_children_org_region" ON "children" ("org_id", "region_code" varchar_pattern_ops)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_children_org_region"');
    await queryRunner.query('DROP INDEX "public"."ix_children_categories"');
    await queryRunner.query('DROP INDEX "public"."ix_children_org_status_registered"');
  }
}
