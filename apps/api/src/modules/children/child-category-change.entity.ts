import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ChildCategory } from '@kindred/contracts';
import { ChildEntity } from './child.entity';

/** One change of a child's categories (the first row is the registration), so a past year can be rebuilt exactly. */
@Entity('child_category_changes')
@Index('ix_child_category_changes_child', ['childId', 'effectiveOn'])
@Index('ix_child_category_changes_org', ['orgId', 'effectiveOn'])
export class ChildCategoryChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  orgId!: string;

  @Column('uuid')
  childId!: string;

  @Column('text', { array: true })
  fromCategories!: ChildCategory[];

  @Column('text', { array: true })
  toCategories!: ChildCategory[];

  @Column('varchar', { length: 500, nullable: true })
  reason!: string | null;

  @Column('date')
  effectiveOn!: string;

  @Column('timestamptz', { default: () => 'now()' })
  recordedAt!: Date;

  @Column('uuid', { nullable: true })
  recordedBy!: string | null;

  @ManyToOne(() => ChildEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'child_id', foreignKeyConstraintName: 'fk_child_category_changes_child' })
  child?: ChildEntity;
}
