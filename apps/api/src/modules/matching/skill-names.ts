import { Injectable } from '@nestjs/common';
import { SkillsService } from '../volunteers';
import type { SkillNames } from './reasons';

/** How long the skills catalogue (reference data, changed by migrations) is reused for the reasons' sentences. */
const TTL_MS = 5 * 60_000;

/** Skill names for reasons, from the volunteers context's catalogue, read at most every few minutes. */
@Injectable()
export class SkillNamesCache {
  private cached: { at: number; names: SkillNames } | null = null;

  constructor(private readonly skills: SkillsService) {}

  async names(): Promise<SkillNames> {
    if (this.cached && Date.now() - this.cached.at < TTL_MS) return this.cached.names;
    const names: SkillNames = new Map((await this.skills.catalogue()).map((s) => [s.code, { zh: s.nameZh, en: s.nameEn }]));
    this.cached = { at: Date.now(), names };
    return names;
  }
}
