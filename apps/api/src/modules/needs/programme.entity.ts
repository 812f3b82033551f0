import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Groups an NGO's needs, e.g. "2026 暑期夏令营". */
@Entity('programmes')
@Index('uq_programmes_org_name_year', ['orgId', 'name', 'year'], { unique: true })
export class ProgrammeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  orgId!: string;

  @Column('varchar', { length: 100 })
  name!: string;

  @Column('int')
  year!: number;

  @Column('uuid')
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
