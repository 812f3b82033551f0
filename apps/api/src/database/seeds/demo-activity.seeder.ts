import { Injectable } from '@nestjs/common';
import sharp from 'sharp';
import type { Principal } from '../../common/auth/principal';
import { SignupsService } from '../../modules/engagement/signups.service';
import { EvidenceService } from '../../modules/giving/evidence.service';
import { LedgerService } from '../../modules/giving/ledger.service';
import { PledgesService } from '../../modules/giving/pledges.service';
import { NeedFactsService } from '../../modules/needs/need-facts.service';
import { ShiftsService } from '../../modules/needs/shifts.service';

export interface DemoActivityPeople {
  coordinator: Principal;
  donor: Principal;
  csrManager: Principal;
  volunteer: Principal;
  volunteer2: Principal;
}

/** A small photo drawn on the spot: a demo needs evidence without shipping anyone's real picture. */
async function demoPhoto(colour: string, label: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="320"><rect width="100%" height="100%" fill="${colour}"/><text x="24" y="170" font-size="36" fill="#fff" font-family="sans-serif">${label}</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

/**
 * Pledges at every stage (pledged, received, partly used, used, cancelled)
 * with evidence, and sign-ups on upcoming shifts, all through the services.
 */
@Injectable()
export class DemoActivitySeeder {
  constructor(
    private readonly pledges: PledgesService,
    private readonly ledger: LedgerService,
    private readonly evidence: EvidenceService,
    private readonly needFacts: NeedFactsService,
    private readonly shifts: ShiftsService,
    private readonly signups: SignupsService,
  ) {}

  async seed(people: DemoActivityPeople, ids: { ngo: string; company: string; needs: Record<string, string> }): Promise<void> {
    const goodsNeedId = ids.needs.winterGoods;
    const goods = await this.needFacts.forGiving(goodsNeedId);
    if (!goods) return;
    const item = (name: string): string => (goods.items.find((i) => i.name === name) ?? goods.items[0]).id;

    // Used in full, with photos: 40 winter coats handed out at a village school.
    const coats = await this.pledges.create(people.donor, {
      needId: goodsNeedId,
      kind: 'goods',
      lines: [{ itemId: item('冬衣'), quantity: 40 }],
      channel: 'online_form',
    });
    await this.ledger.receive(people.coordinator, coats.id, {
      lines: [{ itemId: item('冬衣'), quantity: 40 }],
      receiptNumber: 'HN2026-0001204',
    });
    const photo = await this.evidence.upload(people.coordinator, ids.ngo, await demoPhoto('#2e7d32', 'Winter coats 2026-12'));
    await this.ledger.use(people.coordinator, coats.id, {
      lines: [{ itemId: item('冬衣'), quantity: 40 }],
      description: '在桃洪镇中心小学向40名留守儿童发放冬衣',
      beneficiaryCount: 40,
      beneficiaries: { age6to14: { male: 21, female: 19 } },
      placeRegionCode: '430524',
      usedAt: new Date(Date.now() - 2 * 24 * 3600_000).toISOString(),
      evidenceIds: [photo.id],
    });

    // A company fund: received in part, partly used for stationery.
    const fund = await this.pledges.create(people.csrManager, {
      needId: goodsNeedId,
      kind: 'money',
      amountFen: 5_000_000,
      onBehalfOf: ids.company,
      channel: 'letter',
      note: '企业关爱基金',
    });
    await this.ledger.receive(people.coordinator, fund.id, { amountFen: 3_000_000, receiptNumber: 'HN2026-0001188' });
    const receipt = await this.evidence.upload(people.coordinator, ids.ngo, await demoPhoto('#1565c0', 'Stationery invoice'));
    await this.ledger.use(people.coordinator, fund.id, {
      amountFen: 1_200_000,
      description: '采购文具套装120套，发放给四所村小的学生',
      beneficiaryCount: 120,
      placeRegionCode: '430524',
      usedAt: new Date(Date.now() - 24 * 3600_000).toISOString(),
      evidenceIds: [receipt.id],
    });

    // Received, not yet used; promised only; and one withdrawn.
    const bags = await this.pledges.create(people.volunteer2, {
      needId: goodsNeedId,
      kind: 'goods',
      lines: [{ itemId: item('书包'), quantity: 10 }],
    });
    await this.ledger.receive(people.coordinator, bags.id, { lines: [{ itemId: item('书包'), quantity: 10 }] });
    await this.pledges.create(people.donor, { needId: goodsNeedId, kind: 'money', amountFen: 20_000, note: '给孩子们买些课外书' });
    const withdrawn = await this.pledges.create(people.donor, { needId: goodsNeedId, kind: 'money', amountFen: 10_000 });
    await this.pledges.cancel(people.donor, withdrawn.id, '改为线下捐赠');

    // Sign-ups on upcoming shifts: the cleared volunteer on the weekly tutoring, the other on companionship.
    for (const [key, who] of [
      ['weeklyTutoring', people.volunteer],
      ['companionship', people.volunteer2],
      ['readingCorner', people.volunteer2],
    ] as const) {
      const needId = ids.needs[key];
      if (!needId) continue;
      const list = await this.shifts.list(people.coordinator, needId);
      const first = list.data.find((s) => new Date(s.startsAt).getTime() > Date.now());
      if (first) await this.signups.signUp(who, first.id).catch(() => undefined);
    }
  }
}
