import type { i18n as I18n } from 'i18next';
import type { AuditEntryView } from '@kindred/contracts';

/** One entry of the audit log, as the API answers it. */
export type AuditEntry = AuditEntryView;

/** The translated label of a known action (`membership.role_changed` → 修改成员角色), else the raw action. */
export function auditActionLabel(i18n: I18n, action: string): string {
  const key = `auditLog.actions.${action}`;
  return i18n.exists(key) ? i18n.t(key) : action;
}

export function auditEntityLabel(i18n: I18n, entityType: string): string {
  const key = `auditLog.entityTypes.${entityType}`;
  return i18n.exists(key) ? i18n.t(key) : entityType;
}

/** `{from: "unverified", to: "verified"}` → `from: unverified · to: verified`. */
export function formatDiff(diff: Record<string, unknown> | null | undefined): string {
  if (!diff) return '';
  return Object.entries(diff)
    .map(([key, value]) => `${key}: ${value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(' · ');
}

export const shortId = (id: string | null | undefined): string => (id ? id.slice(0, 8) : '');
