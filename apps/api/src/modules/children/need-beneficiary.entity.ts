import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ChildEntity } from './child.entity';

/**
 * A child a need reaches (linked with consent). `needToKnow` holds the facts a
 * coordinator granted to the volunteers of the need's shifts, one grant each.
 * `orgId` is the NGO that owns both the need and the child.
 */
@Entity('need_beneficiaries')
@Index('ix_need_beneficiaries_child', ['childId'])
@Index('ix_need_beneficiaries_org', ['orgId'])
export class NeedBeneficiaryEntity {
  @PrimaryColumn('uuid')
  needId!: string;

  @PrimaryColumn('uuid')
  childId!: string;

  @Column('uuid')
  orgId!: string;

  @Column('text', { array: true, default: () => "'{}'" })
  needToKnow!: string[];

  @Column('uuid', { nullable: true })
  grantedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  linkedAt!: Date;

  @ManyToOne(() => ChildEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'child_id', foreignKeyConstraintName: 'fk_need_beneficiaries_child' })
  child?: ChildEntity;
}
