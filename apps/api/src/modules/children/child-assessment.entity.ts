import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AssessmentKind } from '@kindred/contracts';
import { ChildEntity } from './child.entity';

/** An academic score or a wellbeing screening of one child on one date. */
@Entity('child_assessments')
@Index('ix_child_assessments_child', ['childId', 'date'])
@Index('ix_child_assessments_org', ['orgId', 'kind', 'date'])
@Check('ck_child_assessments_score', 'score >= 0 AND score <= 100')
export class ChildAssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  orgId!: string;

  @Column('uuid')
  childId!: string;

  @Column('varchar', { length: 20 })
  kind!: AssessmentKind;

  @Column('date')
  date!: string;

  @Column('smallint')
  score!: number;

  @Column('boolean', { default: false })
  concern!: boolean;

  @Column('uuid', { nullable: true })
  recordedBy!: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  recordedAt!: Date;

  @ManyToOne(() => ChildEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'child_id', foreignKeyConstraintName: 'fk_child_assessments_child' })
  child?: ChildEntity;
}
