import { VolunteerDirectory } from '../engagement';
import type { VolunteerDirectoryService } from '../volunteers';
import { NeedFacts, ShiftDirectory } from './ports';

/**
 * Ports are bound with `useExisting`, which Nest does not type-check. The
 * needs context's own ports are checked by `implements` on NeedFactsService;
 * this assignment makes a drift of engagement's VolunteerDirectory a compile error.
 */
describe('ports bound to the needs and volunteers services', () => {
  it('should satisfy engagement’s VolunteerDirectory when bound to the volunteers service', () => {
    const volunteerDirectory: VolunteerDirectory | null = null as VolunteerDirectoryService | null;
    expect(volunteerDirectory).toBeNull();
    expect([NeedFacts, ShiftDirectory, VolunteerDirectory].every((port) => typeof port === 'function')).toBe(true);
  });
});
