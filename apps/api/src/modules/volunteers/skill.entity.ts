import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SkillCategory } from '@kindred/contracts';

/** The shared skills catalogue: volunteers' skills and needs' required skills are codes from here. */
@Entity('skills')
export class SkillEntity {
  @PrimaryColumn('varchar', { length: 40 })
  code!: string;

  @Column('varchar', { length: 40 })
  nameZh!: string;

  @Column('varchar', { length: 60 })
  nameEn!: string;

  @Column('varchar', { length: 20 })
  category!: SkillCategory;

  @Column('int', { default: 0 })
  sortOrder!: number;
}
