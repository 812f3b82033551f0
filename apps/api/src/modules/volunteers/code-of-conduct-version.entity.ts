import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Versions of the volunteer code of conduct; the current one is the latest published. */
@Entity('code_of_conduct_versions')
export class CodeOfConductVersionEntity {
  @PrimaryColumn('varchar', { length: 20 })
  version!: string;

  @Column('varchar', { length: 100 })
  title!: string;

  @Column('text')
  body!: string;

  @Column('timestamptz')
  publishedAt!: Date;
}
