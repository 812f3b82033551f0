import { Injectable } from '@nestjs/common';
import type { SkillView } from '@kindred/contracts';
import { SkillsRepository } from './skills.repository';
import { VolunteersErrors } from './volunteers.errors';

@Injectable()
export class SkillsService {
  constructor(private readonly skills: SkillsRepository) {}

  async catalogue(): Promise<SkillView[]> {
    return (await this.skills.all()).map(({ code, nameZh, nameEn, category }) => ({ code, nameZh, nameEn, category }));
  }

  /** Refuses codes that are not in the catalogue, naming `field` (e.g. `skills`, `requiredSkills`). */
  async assertKnown(codes: readonly string[], field: string): Promise<void> {
    const known = await this.skills.known([...codes]);
    const unknown = codes.filter((code) => !known.has(code));
    if (unknown.length > 0) {
      throw VolunteersErrors.unknownSkills(field, unknown);
    }
  }
}
