/** The platform's unified volunteer number: KV, the year of registration (Beijing time), a 6-digit serial. */
export function formatVolunteerNumber(serial: number, at: Date): string {
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(at);
  return `KV${year}${String(serial).padStart(6, '0')}`;
}
