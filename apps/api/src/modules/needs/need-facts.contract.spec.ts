import { ShiftDirectory, VolunteerDirectory } from '../engagement';
import { NeedFacts } from '../giving';
import type { VolunteerDirectoryService } from '../volunteers';
import type { NeedFactsService } from './need-facts.service';

/**
 * Giving and engagement bind their ports to these services with `useExisting`,
 * which Nest does not type-check: these assignments make a drift a compile error.
 */
describe('ports bound to the needs and volunteers services', () => {
  it('should satisfy giving’s NeedFacts and engagement’s ShiftDirectory and VolunteerDirectory', () => {
    const needFacts: NeedFacts | null = null as NeedFactsService | null;
    const shiftDirectory: ShiftDirectory | null = null as NeedFactsService | null;
    const volunteerDirectory: VolunteerDirectory | null = null as VolunteerDirectoryService | null;
    expect([needFacts, shiftDirectory, volunteerDirectory]).toEqual([null, null, null]);
    expect([NeedFacts, ShiftDirectory, VolunteerDirectory].every((port) => typeof port === 'function')).toBe(true);
  });
});
