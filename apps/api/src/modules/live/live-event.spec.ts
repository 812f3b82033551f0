import { roomsOf, toLiveEvent } from './live-event';

describe('live event rooms', () => {
  it('should address every organisation, the need and every person when an event names them', () => {
    expect(roomsOf({ orgIds: ['o1', 'o2'], needId: 'n1', userIds: ['u1'] })).toEqual(['org:o1', 'org:o2', 'need:n1', 'user:u1']);
  });

  it('should address no room at all when an event names nobody', () => {
    expect(roomsOf({ orgIds: [], needId: null, userIds: [] })).toEqual([]);
  });

  it('should build the client envelope with a numeric eventId and an ISO time', () => {
    const event = toLiveEvent({
      id: 42,
      type: 'organization.updated',
      occurredAt: new Date('2026-03-01T08:00:00.000Z'),
      orgIds: ['o1'],
      needId: null,
      userIds: [],
      payload: { organizationId: 'o1', status: 'verified' },
    });
    expect(event).toEqual({
      envelope: {
        eventId: 42,
        type: 'organization.updated',
        occurredAt: '2026-03-01T08:00:00.000Z',
        data: { organizationId: 'o1', status: 'verified' },
      },
      rooms: ['org:o1'],
    });
  });
});
