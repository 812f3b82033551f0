// Passwords seen most often in leaked Chinese and international lists; refused at registration.
export const COMMON_PASSWORDS = new Set([
  '123456', '123456789', '12345678', '1234567890', '111111', '000000', '666666', '888888', '123123', '112233',
  '11111111', '00000000', '88888888', '66666666', '12341234', '147258369', '123321', '654321', '987654321', '5201314',
  '1314520', 'woaini', 'woaini1314', 'woaini520', 'iloveyou', 'a123456', 'a12345678', 'aa123456', 'abc123', 'abc123456',
  'abcd1234', 'qwerty', 'qwerty123', 'qwertyuiop', 'qq123456', 'password', 'password1', 'password123', 'passw0rd', 'admin',
  'admin123', 'admin@123', 'root', 'root123', 'welcome', 'welcome1', 'letmein', 'monkey', 'dragon', 'sunshine', 'princess',
  'football', 'baseball', 'superman', 'zxcvbnm', 'zxcvbnm123', 'asdfghjkl', 'asd123456', '1qaz2wsx', '1q2w3e4r', '1q2w3e4r5t',
  'q1w2e3r4', 'zaq12wsx', 'p@ssw0rd', 'changeme', 'trustno1', 'shadow', 'master', 'michael', 'jennifer', 'hello123',
  'kindred', 'kindred123', 'liushouertong', 'woshishui', 'wangyi123', 'zhang123', 'li123456', 'huang123', 'china123',
  'beijing', 'shanghai', 'guangzhou', 'a1234567', '1234qwer', 'qwer1234', 'aini1314', '7758521', '520520', '1314521',
]);

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  return COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password) || /^(0123456789|1234567890|9876543210)+/.test(password);
}
