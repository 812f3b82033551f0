import { careFlagSql, contactOverdue, parentContactOverdue, visitOverdue } from './care-flags';

describe('care flags', () => {
  const today = '2026-06-15';

  it('should flag a visit overdue only when an active child is past its due date', () => {
    expect(visitOverdue({ status: 'active', nextVisitDue: '2026-06-14' }, today)).toBe(true);
    expect(visitOverdue({ status: 'active', nextVisitDue: '2026-06-15' }, today)).toBe(false);
    expect(visitOverdue({ status: 'exited', nextVisitDue: '2026-01-01' }, today)).toBe(false);
    expect(visitOverdue({ status: 'active', nextVisitDue: null }, today)).toBe(false);
  });

  it('should flag parent contact overdue only for a left-behind child past the alert days since the last contact or registration', () => {
    const child = {
      status: 'active' as const,
      categories: ['left_behind_grandparent' as const],
      lastParentContactOn: null,
      registeredOn: '2026-05-15',
    };
    expect(parentContactOverdue(child, today, 30)).toBe(true);
    expect(parentContactOverdue(child, today, 31)).toBe(false);
    expect(parentContactOverdue({ ...child, lastParentContactOn: '2026-06-01' }, today, 7)).toBe(true);
    expect(parentContactOverdue({ ...child, lastParentContactOn: '2026-06-10' }, today, 7)).toBe(false);
    expect(parentContactOverdue({ ...child, categories: ['orphan'] }, today, 7)).toBe(false);
    expect(parentContactOverdue({ ...child, status: 'exited' }, today, 7)).toBe(false);
  });

  it('should flag a follow-up overdue when the cadence has passed since the last contact or start, never once ended', () => {
    const pairing = { endedOn: null, lastContactOn: null, startedOn: '2026-06-01', contactEveryDays: 7 };
    expect(contactOverdue(pairing, today)).toBe(true);
    expect(contactOverdue({ ...pairing, lastContactOn: '2026-06-10' }, today)).toBe(false);
    expect(contactOverdue({ ...pairing, endedOn: '2026-06-05' }, today)).toBe(false);
  });

  it('should bind the date and days as parameters when the SQL predicates are built', () => {
    expect(careFlagSql.visitOverdue('c', '$1')).toBe(
      "(c.status = 'active' AND c.next_visit_due IS NOT NULL AND c.next_visit_due < $1::date)",
    );
    expect(careFlagSql.parentContactOverdue('c', '$1', '$2')).toContain(
      'COALESCE(c.last_parent_contact_on, c.registered_on) + $2::int < $1::date',
    );
    expect(careFlagSql.parentContactOverdue('c', '$1', '$2')).toContain("'left_behind_single_parent'");
  });
});
