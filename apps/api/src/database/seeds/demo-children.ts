import {
  LEFT_BEHIND_CATEGORIES,
  type AssessmentKind,
  type ChildCategory,
  type ConsentMethod,
  type ConsentScope,
  type ExitReason,
  type Gender,
  type GuardianView,
  type LivingArrangement,
  type RiskLevel,
  type ServiceKind,
  type SocialAssistance,
} from '@kindred/contracts';
import { addDays } from '../../modules/children/child-dates';
import { checkCharacter } from '../../modules/children/id-number';

/**
 * The demo NGO's registry: about 60 made-up children of 隆回县 (430524) in
 * households, two years of services and assessments, a few exits and overdue
 * visits, consents for most. Every choice comes from one seeded generator, so
 * the same day gives the same registry; dates count back from `today`, so the
 * demo never looks stale. Names and ID numbers are invented (the ID numbers
 * pass the GB 11643 check and carry the county's code and the birth date).
 */

export const DEMO_CHILD_COUNT_MIN = 55;

const COUNTY = '430524';
const TOWNSHIPS: Array<{ code: string; name: string; villages: string[] }> = [
  { code: '430524001', name: '桃花坪街道', villages: ['城西社区', '大桥社区'] },
  { code: '430524101', name: '小沙江镇', villages: ['旺溪村', '龙坪村'] },
  { code: '430524102', name: '金石桥镇', villages: ['石门村', '杨柳村'] },
  { code: '430524103', name: '司门前镇', villages: ['新田村', '桃园村'] },
  { code: '430524105', name: '六都寨镇', villages: ['竹山村', '石桥村'] },
  { code: '430524106', name: '荷香桥镇', villages: ['荷塘村', '上湾村'] },
  { code: '430524109', name: '滩头镇', villages: ['古城村', '白竹村'] },
  { code: '430524117', name: '七江镇', villages: ['永兴村', '梅树村'] },
  { code: '430524200', name: '麻塘山乡', villages: ['大托村', '麻塘村'] },
  { code: '430524201', name: '虎形山瑶族乡', villages: ['崇木凼村', '白水洞村'] },
];
const SCHOOLS: Record<string, string[]> = {
  primary: ['中心小学', '完全小学'],
  middle: ['中学', '初级中学'],
};
const SURNAMES = ['罗', '刘', '王', '李', '张', '陈', '杨', '周', '谢', '曾', '邹', '肖', '唐', '彭', '阳', '袁', '孙', '龙', '沈', '钟'];
const GIVEN_GIRL = ['雨', '欣', '怡', '婷', '佳', '梦', '思', '诗', '晓', '雅', '梓', '紫', '嘉', '静', '可', '馨', '悦', '琪', '彤', '涵'];
const GIVEN_BOY = ['浩', '宇', '轩', '俊', '子', '明', '博', '睿', '泽', '杰', '文', '志', '鑫', '磊', '晨', '凯', '豪', '航', '一', '铭'];
const GRANDMOTHER = ['秀英', '桂兰', '玉梅', '春花', '冬梅', '菊香', '满秀', '凤英'];
const GRANDFATHER = ['建华', '国平', '德明', '长生', '福生', '运来', '满堂', '石林'];
const RELATIVE = ['姑妈', '舅舅', '姨妈', '伯父'];

/** mulberry32: a small seeded generator, enough for demo choices. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoService {
  kind: ServiceKind;
  date: string;
  amountFen: number | null;
  quantity: number | null;
  notes: string | null;
}
export interface DemoAssessment {
  kind: AssessmentKind;
  date: string;
  score: number;
  concern: boolean;
}
export interface DemoConsent {
  givenBy: string;
  relation: string;
  method: ConsentMethod;
  scopes: ConsentScope[];
  givenOn: string;
  withdrawnOn: string | null;
}
export interface DemoChild {
  household: number;
  legalName: string;
  gender: Gender;
  birthDate: string;
  idNumber: string;
  regionCode: string;
  address: string;
  schoolName: string | null;
  grade: string | null;
  /** Categories at registration, then any later change (its date and reason). */
  firstCategories: ChildCategory[];
  categoryChange: { on: string; to: ChildCategory[]; reason: string } | null;
  livingArrangement: LivingArrangement;
  socialAssistance: SocialAssistance;
  riskLevel: RiskLevel;
  guardians: GuardianView[];
  registeredOn: string;
  exit: { on: string; reason: ExitReason } | null;
  nextVisitDue: string | null;
  nextReassessmentDue: string | null;
  lastParentContactOn: string | null;
  services: DemoService[];
  assessments: DemoAssessment[];
  consent: DemoConsent | null;
}

const GRADES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '初一', '初二', '初三', '高一', '高二', '高三'];
const VISIT_CADENCE: Record<RiskLevel, number> = { high: 30, medium: 60, low: 90 };

/** Household plans: which categories the household's children hold (both groups for some). */
type Plan = { left: ChildCategory | null; difficulty: ChildCategory[] };
const PLANS: Plan[] = [
  ...Array.from({ length: 9 }, (): Plan => ({ left: 'left_behind_grandparent', difficulty: [] })),
  ...Array.from({ length: 4 }, (): Plan => ({ left: 'left_behind_single_parent', difficulty: [] })),
  ...Array.from({ length: 3 }, (): Plan => ({ left: 'left_behind_relative', difficulty: [] })),
  { left: 'left_behind_institution', difficulty: [] },
  { left: 'left_behind_grandparent', difficulty: ['low_income_dibao'] },
  { left: 'left_behind_grandparent', difficulty: ['low_income_dibao'] },
  { left: 'left_behind_single_parent', difficulty: ['low_income_dibao'] },
  { left: 'left_behind_grandparent', difficulty: ['disability_or_illness'] },
  { left: 'left_behind_relative', difficulty: ['low_income_tekun'] },
  { left: null, difficulty: ['low_income_dibao'] },
  { left: null, difficulty: ['low_income_dibao'] },
  { left: null, difficulty: ['low_income_dibao', 'disability_or_illness'] },
  { left: null, difficulty: ['low_income_tekun'] },
  { left: null, difficulty: ['orphan', 'low_income_tekun'] },
  { left: null, difficulty: ['orphan'] },
  { left: null, difficulty: ['disability_or_illness'] },
  { left: null, difficulty: ['disability_or_illness'] },
  { left: null, difficulty: ['de_facto_unattended'] },
  { left: null, difficulty: ['de_facto_unattended', 'low_income_dibao'] },
  { left: null, difficulty: ['difficulty_other'] },
  { left: null, difficulty: ['difficulty_other'] },
  { left: 'left_behind_grandparent', difficulty: ['difficulty_other'] },
  { left: 'left_behind_single_parent', difficulty: [] },
  { left: 'left_behind_grandparent', difficulty: [] },
  { left: 'left_behind_grandparent', difficulty: [] },
];

function livingFor(plan: Plan): LivingArrangement {
  if (plan.left === 'left_behind_grandparent') return 'grandparents';
  if (plan.left === 'left_behind_single_parent') return 'one_parent';
  if (plan.left === 'left_behind_relative') return 'relatives';
  if (plan.left === 'left_behind_institution') return 'institution';
  if (plan.difficulty.includes('orphan') || plan.difficulty.includes('de_facto_unattended')) return 'relatives';
  return 'both_parents';
}

/** The registry as of `today` (YYYY-MM-DD, Beijing). */
export function demoChildren(today: string): DemoChild[] {
  const rnd = seededRandom(20_260_501);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const between = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const start = addDays(today, -730);
  const usedIds = new Set<string>();
  const usedNames = new Set<string>();
  const children: DemoChild[] = [];

  PLANS.forEach((plan, household) => {
    const surname = SURNAMES[household % SURNAMES.length];
    const township = pick(TOWNSHIPS);
    const village = pick(township.villages);
    const address = `湖南省邵阳市隆回县${township.name}${village}${between(1, 12)}组${between(1, 60)}号`;
    const size = rnd() < 0.45 ? 2 : rnd() < 0.15 ? 3 : 1;
    const grand =
      rnd() < 0.5
        ? { name: `${surname}${pick(GRANDMOTHER)}`, relation: '祖母' }
        : { name: `${surname}${pick(GRANDFATHER)}`, relation: '祖父' };
    const guardian: GuardianView = (() => {
      const phone = `13${between(0, 9)}${String(between(0, 99_999_999)).padStart(8, '0')}`;
      if (plan.left === 'left_behind_relative' || livingFor(plan) === 'relatives')
        return { name: `${pick(SURNAMES)}${pick(GRANDMOTHER)}`, relation: pick(RELATIVE), phone };
      if (plan.left === 'left_behind_institution') return { name: '隆回县儿童福利院', relation: '机构', phone: '07398222100' };
      if (plan.left === 'left_behind_single_parent' || livingFor(plan) === 'both_parents')
        return { name: `${pick(SURNAMES)}${pick(GRANDMOTHER)}`, relation: '母亲', phone };
      return { ...grand, phone };
    })();
    const registeredOn = addDays(start, Math.floor(rnd() * rnd() * 600));
    const baseRisk: RiskLevel =
      plan.difficulty.includes('orphan') || plan.difficulty.includes('de_facto_unattended')
        ? 'high'
        : rnd() < 0.15
          ? 'high'
          : rnd() < 0.4
            ? 'medium'
            : 'low';
    for (let k = 0; k < size; k++) {
      const gender: Gender = rnd() < 0.5 ? 'female' : 'male';
      const given = gender === 'female' ? GIVEN_GIRL : GIVEN_BOY;
      const newName = (): string => `${surname}${pick(given)}${pick(given)}`;
      let legalName = newName();
      while (usedNames.has(legalName)) legalName = newName();
      usedNames.add(legalName);
      const age = between(3, 15);
      const birthDate = addDays(registeredOn, -(age * 365 + between(0, 360)));
      // The 17th digit's parity is the sex (odd: male).
      const newIdNumber = (): string => {
        const first17 = `${COUNTY}${birthDate.replace(/-/g, '')}${String(between(0, 499) * 2 + (gender === 'male' ? 1 : 0)).padStart(3, '0')}`;
        return first17 + checkCharacter(first17);
      };
      let idNumber = newIdNumber();
      while (usedIds.has(idNumber)) idNumber = newIdNumber();
      usedIds.add(idNumber);
      const ageNow = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
      const gradeIndex = ageNow - 7;
      const schoolKind = gradeIndex < 0 ? null : gradeIndex < 6 ? 'primary' : 'middle';
      const schoolName =
        schoolKind === null ? null : `隆回县${township.name.replace(/(街道|镇|乡|瑶族乡)$/u, '')}${pick(SCHOOLS[schoolKind])}`;
      const grade = gradeIndex < 0 ? null : GRADES[Math.min(gradeIndex, GRADES.length - 1)];
      const firstCategories: ChildCategory[] = [...(plan.left ? [plan.left] : []), ...plan.difficulty];
      children.push({
        household,
        legalName,
        gender,
        birthDate,
        idNumber,
        regionCode: township.code,
        address,
        schoolName,
        grade,
        firstCategories,
        categoryChange: null,
        livingArrangement: livingFor(plan),
        socialAssistance: plan.difficulty.includes('low_income_tekun')
          ? 'tekun'
          : plan.difficulty.includes('low_income_dibao')
            ? 'dibao'
            : 'none',
        riskLevel: k === 0 ? baseRisk : rnd() < 0.7 ? baseRisk : 'medium',
        guardians: [guardian],
        registeredOn,
        exit: null,
        nextVisitDue: null,
        nextReassessmentDue: null,
        lastParentContactOn: null,
        services: [],
        assessments: [],
        consent: null,
      });
    }
  });

  // Category changes: a household granted 低保 during the period, one whose parents came home from work.
  const changeable = children.filter(
    (c) => c.firstCategories.length === 1 && LEFT_BEHIND_CATEGORIES.includes(c.firstCategories[0] as never),
  );
  for (const child of changeable.slice(0, 4)) {
    const on = addDays(child.registeredOn, between(90, 240));
    if (on >= today) continue;
    child.categoryChange = { on, to: [...child.firstCategories, 'low_income_dibao'], reason: '经民政审批纳入低保' };
    child.socialAssistance = 'dibao';
  }
  // Exits: parents returned, moved away, aged out.
  const exits: ExitReason[] = ['parents_returned', 'parents_returned', 'moved', 'aged_out'];
  children
    .filter((c) => c.registeredOn < addDays(today, -300))
    .slice(-exits.length)
    .forEach((child, i) => {
      child.exit = { on: addDays(today, -between(20, 200)), reason: exits[i] };
    });
  // A few files whose visits have slipped (overdue).
  const overdue = new Set(
    children
      .filter((c) => !c.exit)
      .filter((_, i) => i % 11 === 5)
      .map((c) => c.idNumber),
  );

  const tutored = new Set<string>();
  const counselled = new Set<string>();
  children.forEach((child, i) => {
    const ageNow = Number(today.slice(0, 4)) - Number(child.birthDate.slice(0, 4));
    if (ageNow >= 6 && ageNow <= 15 && i % 2 === 0) tutored.add(child.idNumber);
    if (child.riskLevel !== 'low' && i % 3 !== 1) counselled.add(child.idNumber);
  });

  for (const child of children) {
    const end = child.exit ? child.exit.on : today;
    const categories = child.categoryChange ? child.categoryChange.to : child.firstCategories;
    const leftBehind = categories.some((c) => LEFT_BEHIND_CATEGORIES.includes(c as never));
    const needy = categories.some(
      (c) => c === 'low_income_dibao' || c === 'low_income_tekun' || c === 'orphan' || c === 'de_facto_unattended',
    );
    const services: DemoService[] = [];
    const add = (kind: ServiceKind, date: string, extra: Partial<DemoService> = {}): void => {
      if (date < child.registeredOn || date > end) return;
      services.push({ kind, date, amountFen: null, quantity: null, notes: null, ...extra });
    };
    // Home visits at the risk level's cadence (the screening visit first); the overdue ones stopped a while ago.
    const cadence = VISIT_CADENCE[child.riskLevel];
    const visitsUntil = overdue.has(child.idNumber) ? addDays(today, -cadence - between(10, 40)) : end;
    let lastVisit = child.registeredOn;
    add('family_visit', child.registeredOn, { notes: '摸底排查入户' });
    for (let d = addDays(child.registeredOn, cadence - between(0, 10)); d <= visitsUntil; d = addDays(d, cadence - between(0, 12))) {
      add(rnd() < 0.15 ? 'phone_call' : 'family_visit', d);
      lastVisit = d;
    }
    for (let d = addDays(child.registeredOn, between(60, 150)); d <= end; d = addDays(d, between(150, 200))) add('school_visit', d);
    if (leftBehind) {
      let last: string | null = null;
      for (let d = addDays(child.registeredOn, between(7, 30)); d <= end; d = addDays(d, between(20, 45))) {
        add('parent_child_call', d, { notes: '亲情小屋视频通话' });
        last = d;
      }
      // Two left-behind children have had no call for longer than the alert.
      child.lastParentContactOn = overdue.has(child.idNumber) && last ? addDays(last, -40) : last;
      if (child.lastParentContactOn && child.lastParentContactOn < child.registeredOn) child.lastParentContactOn = null;
    }
    if (tutored.has(child.idNumber)) {
      for (let d = addDays(child.registeredOn, between(10, 30)); d <= end; d = addDays(d, 14)) {
        const month = Number(d.slice(5, 7));
        if (month === 2 || month === 8) continue; // school holidays
        add('tutoring', d);
      }
    }
    if (counselled.has(child.idNumber)) {
      for (let d = addDays(child.registeredOn, between(15, 40)); d <= end; d = addDays(d, between(25, 35))) add('counselling', d);
    }
    if (needy) {
      for (let d = addDays(child.registeredOn, between(30, 90)); d <= end; d = addDays(d, 182)) {
        add('grant', d, { amountFen: pick([50_000, 80_000, 100_000]), notes: '助学金' });
      }
      for (let d = addDays(child.registeredOn, between(20, 60)); d <= end; d = addDays(d, between(80, 100))) {
        add('cash_aid', d, { amountFen: pick([20_000, 30_000, 50_000]), notes: '生活补助' });
      }
    }
    // Winter clothes and school supplies, once a year each.
    for (let d = addDays(child.registeredOn, between(10, 200)); d <= end; d = addDays(d, 365)) {
      add('material_aid', d, { quantity: between(1, 3), notes: pick(['冬衣', '书包与文具', '保暖鞋', '棉被']) });
      if (child.schoolName) add('stationery', addDays(d, 30), { quantity: 1 });
    }
    add('health_check', addDays(child.registeredOn, between(30, 120)));
    add('safety_education', addDays(child.registeredOn, between(100, 300)), { notes: '防溺水安全教育' });
    if (rnd() < 0.25) add('summer_camp', addDays(child.registeredOn, between(200, 400)));
    services.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    child.services = services;

    // Assessments: a wellbeing screening at registration; twice a year for tutored (academic) and counselled (wellbeing) children.
    const base = between(45, 75);
    const assessments: DemoAssessment[] = [];
    const score = (kind: AssessmentKind, n: number): number =>
      Math.max(20, Math.min(100, base + (kind === 'academic' ? 3 : 4) * n + between(-5, 5)));
    assessments.push({ kind: 'wellbeing', date: addDays(child.registeredOn, 3), score: score('wellbeing', 0), concern: false });
    let n = 0;
    for (let d = addDays(child.registeredOn, 120); d <= end; d = addDays(d, 180)) {
      n++;
      if (tutored.has(child.idNumber)) assessments.push({ kind: 'academic', date: d, score: score('academic', n), concern: false });
      if (counselled.has(child.idNumber))
        assessments.push({ kind: 'wellbeing', date: addDays(d, 7), score: score('wellbeing', n), concern: false });
    }
    if (tutored.has(child.idNumber))
      assessments.push({ kind: 'academic', date: addDays(child.registeredOn, 20), score: score('academic', 0), concern: false });
    for (const a of assessments) a.concern = a.kind === 'wellbeing' && a.score < 55;
    child.assessments = assessments.filter((a) => a.date <= end && a.date <= today).sort((a, b) => (a.date < b.date ? -1 : 1));

    child.nextVisitDue = child.exit ? null : addDays(lastVisit, cadence);
    const lastWellbeing = child.assessments.filter((a) => a.kind === 'wellbeing').at(-1);
    child.nextReassessmentDue = child.exit ? null : addDays(lastWellbeing?.date ?? child.registeredOn, 180);

    // Consent for most: the guardian, on paper at the screening visit.
    if (children.indexOf(child) % 8 !== 3) {
      const guardian = child.guardians[0];
      const scopes: ConsentScope[] = ['service_delivery'];
      if (rnd() < 0.8) scopes.push('share_with_volunteers');
      if (rnd() < 0.5) scopes.push('photos_internal');
      if (tutored.has(child.idNumber) || counselled.has(child.idNumber) || rnd() < 0.3) scopes.push('outcome_research');
      child.consent = {
        givenBy: guardian.name,
        relation: guardian.relation,
        method: pick<ConsentMethod>(['paper', 'paper', 'paper', 'verbal', 'digital']),
        scopes,
        givenOn: child.registeredOn,
        withdrawnOn: null,
      };
    }
  }
  return children;
}
