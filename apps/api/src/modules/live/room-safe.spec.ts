import { assertRoomSafe } from './room-safe';

describe('assertRoomSafe', () => {
  it('should accept ids and room-safe fields when a payload has nothing personal', () => {
    expect(() => assertRoomSafe({ signupId: 'a', shiftId: 'b', needId: 'c', userId: 'd', position: 3, name: '春晖社工' })).not.toThrow();
  });

  it('should refuse a phone number, an e-mail or a child identity field wherever it is nested', () => {
    expect(() => assertRoomSafe({ userId: 'x', phone: '13900000000' })).toThrow('data.phone');
    expect(() => assertRoomSafe({ donor: { email: 'a@b.cn' } })).toThrow('data.donor.email');
    expect(() => assertRoomSafe({ children: [{ alias: '小明' }, { legalName: '王小明' }] })).toThrow('data.children[1].legalName');
    expect(() => assertRoomSafe({ guardianPhone: '1' })).toThrow('data.guardianPhone');
  });
});
