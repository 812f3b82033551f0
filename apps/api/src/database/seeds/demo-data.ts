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
