import dayjs, { type Dayjs } from 'dayjs';
import type { NeedType, NeedView } from '@kindred/contracts';
import { fenToYuan, yuanToFen } from '../../lib/money';

export interface ItemValues {
  name: string;
  unit: string;
  quantity: number;
}

export interface NeedFormValues {
  type: NeedType;
  title: string;
  description: string;
  regionCode: string;
  place?: string;
  childContact: boolean;
  requiredSkills: string[];
  minAge?: number | null;
  beneficiaryCount?: number | null;
  period?: [Dayjs, Dayjs] | null;
  targetYuan?: string;
  items?: ItemValues[];
}

/** The API body of the form; type and goods lines only while the need is a draft. */
export function toBody(values: NeedFormValues, includeDraftOnly: boolean) {
  const body: Record<string, unknown> = {
    title: values.title.trim(),
    description: values.description.trim(),
    regionCode: values.regionCode.trim(),
    place: values.place?.trim() || null,
    childContact: values.childContact,
    requiredSkills: values.requiredSkills ?? [],
    minAge: values.minAge ?? null,
    beneficiaryCount: values.beneficiaryCount ?? 0,
    startsAt: values.period?.[0]?.toISOString() ?? null,
    endsAt: values.period?.[1]?.toISOString() ?? null,
    targetFen: values.targetYuan?.trim() ? yuanToFen(values.targetYuan) : null,
  };
  if (includeDraftOnly) {
    body.type = values.type;
    const items = (values.items ?? [])
      .filter((item) => item?.name?.trim())
      .map((item) => ({ name: item.name.trim(), unit: item.unit.trim(), quantity: item.quantity }));
    // Only goods needs have goods lines, and the API takes them only as a non-empty list.
    if (values.type === 'goods' && items.length > 0) body.items = items;
  }
  return body;
}

/** The form's values of a saved need. */
export function fromNeed(need: NeedView) {
  return {
    type: need.type,
    title: need.title,
    description: need.description,
    regionCode: need.regionCode,
    place: need.place ?? undefined,
    childContact: need.childContact,
    requiredSkills: need.requiredSkills,
    minAge: need.minAge,
    beneficiaryCount: need.beneficiaryCount,
    period: need.startsAt && need.endsAt ? [dayjs(need.startsAt), dayjs(need.endsAt)] : undefined,
    targetYuan: need.targetFen === null ? undefined : String(fenToYuan(need.targetFen)),
    items: need.items.map((item) => ({ name: item.name, unit: item.unit, quantity: item.quantity })),
  };
}
