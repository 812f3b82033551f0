import type { OfferView } from '@kindred/contracts';
import type { GoodsOfferEntity } from './goods-offer.entity';

/** The matching context's answer shapes live in `@kindred/contracts`; this file maps stored rows onto them. */

export function toOfferView(o: GoodsOfferEntity): OfferView {
  return {
    id: o.id,
    item: o.itemName,
    unit: o.unit,
    quantity: o.quantity,
    regionCode: o.regionCode,
    location: o.lat !== null && o.lng !== null ? { lat: o.lat, lng: o.lng } : null,
    until: o.availableUntil.toISOString(),
    note: o.note,
    status: o.status,
    onBehalfOf: o.onBehalfOfOrgId,
    acceptedNeedId: o.acceptedNeedId,
    pledgeId: o.pledgeId,
    createdAt: o.createdAt.toISOString(),
  };
}
