import { decodeRankedCursor, encodeRankedCursor } from './ranked-cursor';

const ID = '6b9c8b0e-3f4c-4d5e-9f2a-1b2c3d4e5f60';

describe('ranked cursor', () => {
  it('should read back what it wrote when the list is the same', () => {
    const feed = { score: '734', key: '2026-12-05T01:00:00.000000Z', id: ID, ring: 0 };
    expect(decodeRankedCursor('feed', encodeRankedCursor('feed', feed))).toEqual(feed);
    const candidates = { score: '1000', key: '', id: ID, ring: 1 };
    expect(decodeRankedCursor('candidates', encodeRankedCursor('candidates', candidates))).toEqual(candidates);
  });

  it('should refuse a cursor of another list, a tampered one, or noise', () => {
    const feed = encodeRankedCursor('feed', { score: '734', key: '2026-12-05T01:00:00.000000Z', id: ID, ring: 0 });
    expect(decodeRankedCursor('candidates', feed)).toBeNull();
    expect(decodeRankedCursor('feed', Buffer.from(JSON.stringify(['feed', '1; DROP', '', ID, 0])).toString('base64url'))).toBeNull();
    expect(decodeRankedCursor('feed', 'not-a-cursor')).toBeNull();
  });
});
