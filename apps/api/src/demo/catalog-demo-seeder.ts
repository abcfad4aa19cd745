import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AddWeeklyTimeSlotsInput,
  CreateExperienceInput,
  CreateMerchandiseInput,
  CreateVenueInput,
  ProductApprovalService,
  ProductMediaService,
  ProductService,
  SetProductMediaArgs,
  TimeSlotService,
  VenueService,
} from '@chedun/catalog';
import { Actor } from '@chedun/identity';
import { FilmIpReader } from '@chedun/ip';
import { Clock, MoneyInput, ProductCategory, shanghaiDate } from '@chedun/kernel';
import { MediaService } from '@chedun/media';
import { plainToInstance } from 'class-transformer';
import { DataSource } from 'typeorm';
import { organizationOwner } from './demo-actors';
import { drawPoster } from './demo-poster';

const MAX_PRODUCTS = 60;

/** Later passes add special editions of the merchandise, so a few licenses still fill a shop. */
const EDITIONS = [
  { en: '', zh: '' },
  { en: ' (Chedun edition)', zh: '（车墩限定）' },
  { en: ' (film-set edition)', zh: '（片场版）' },
];

interface DemoVenue {
  merchant: string;
  name: string;
  nameZh: string;
  address: string;
  addressZh: string;
  latitude: number;
  longitude: number;
  /** Chinese first, then English: the notes are one text, shown as written in either interface. */
  openingNotes: string;
}

/** The Chedun venues, one per demo merchant. */
const VENUES: DemoVenue[] = [
  {
    merchant: 'Xiangdi Art Center',
    name: 'Xiangdi Art Center',
    nameZh: '香堤艺术中心',
    address: 'Chedun Town, Songjiang District, Shanghai',
    addressZh: '上海市松江区车墩镇',
    latitude: 30.9985,
    longitude: 121.2312,
    openingNotes:
      '周二至周日 10:00–18:00；放映与夜游 18:00 起凭票入场 · Tue–Sun 10:00–18:00; screenings and night tours from 18:00 with a ticket',
  },
  {
    merchant: 'Xinshe Ranch',
    name: 'Xinshe Ranch',
    nameZh: '新社牧场',
    address: 'Xinshe Village, Chedun, Songjiang',
    addressZh: '松江区车墩镇新社村',
    latitude: 30.9812,
    longitude: 121.2478,
    openingNotes:
      '每天 09:00–17:00，提供雨靴；夜游与夜宿 18:00 起凭票入场 · Daily 09:00–17:00, farm boots provided; night tours and stays from 18:00 with a ticket',
  },
  {
    merchant: 'Shanghai Film Park Shop',
    name: 'Shanghai Film Park',
    nameZh: '上海影视乐园',
    address: '4915 Beisong Road, Chedun, Songjiang',
    addressZh: '松江区车墩镇北松公路4915号',
    latitude: 31.0006,
    longitude: 121.2036,
    openingNotes:
      '每天 08:30–17:00；夜游与放映 18:00 起凭票入场 · Daily 08:30–17:00; night tours and screenings from 18:00 with a ticket',
  },
];

interface DemoLicense {
  id: string;
  studioId: string;
  filmIpId: string;
  categories: ProductCategory[];
}

interface Shop {
  merchantId: string;
  actor: Actor;
  venueId: string;
  licenses: DemoLicense[];
}

type Template = {
  kind: 'merch' | 'experience';
  en: string;
  zh: string;
  price: number;
  description: string;
  descriptionZh: string;
  /** An experience's weekend sessions (Shanghai time) and length: evening ones for night tours, stays, screenings. */
  sessions?: { startTimes: string[]; durationMinutes: number };
};

/** Daytime sessions fit every demo venue's opening hours (the earliest closes at 17:00, the latest opens at 10:00). */
const DAYTIME = { startTimes: ['10:00', '14:00'], durationMinutes: 120 };

/** Per category, products named after the IP: "{T}" is the English title, "{Z}" the Chinese one. */
const TEMPLATES: Partial<Record<ProductCategory, Template[]>> = {
  [ProductCategory.APPAREL]: [
    {
      kind: 'merch',
      en: '{T} embroidered cap',
      zh: '{Z}刺绣棒球帽',
      price: 12900,
      description: 'Cap embroidered in Songjiang.',
      descriptionZh: '松江刺绣棒球帽。',
    },
    {
      kind: 'merch',
      en: '{T} T-shirt',
      zh: '{Z}T恤',
      price: 9900,
      description: 'Cotton tee with a scene from {T}.',
      descriptionZh: '印有《{Z}》场景的纯棉T恤。',
    },
    {
      kind: 'merch',
      en: '{T} hoodie',
      zh: '{Z}连帽卫衣',
      price: 25900,
      description: 'Warm hoodie for a day on set.',
      descriptionZh: '片场同款保暖卫衣。',
    },
  ],
  [ProductCategory.COLLECTIBLE]: [
    {
      kind: 'merch',
      en: '{T} acrylic stand',
      zh: '{Z}亚克力立牌',
      price: 4900,
      description: 'Acrylic character stand.',
      descriptionZh: '角色亚克力立牌。',
    },
    {
      kind: 'merch',
      en: '{T} enamel pin',
      zh: '{Z}珐琅徽章',
      price: 3900,
      description: 'Hard enamel pin.',
      descriptionZh: '硬珐琅徽章。',
    },
    {
      kind: 'merch',
      en: '{T} figurine',
      zh: '{Z}手办',
      price: 19900,
      description: 'Hand-painted figurine.',
      descriptionZh: '手绘手办。',
    },
  ],
  [ProductCategory.STATIONERY]: [
    {
      kind: 'merch',
      en: '{T} poster',
      zh: '{Z}海报',
      price: 3500,
      description: 'Theatrical poster reprint.',
      descriptionZh: '电影海报复刻版。',
    },
    {
      kind: 'merch',
      en: '{T} postcard set',
      zh: '{Z}明信片套装',
      price: 2900,
      description: 'Twelve stills from {T}.',
      descriptionZh: '《{Z}》剧照明信片十二张。',
    },
    {
      kind: 'merch',
      en: '{T} notebook',
      zh: '{Z}笔记本',
      price: 4500,
      description: 'Thread-bound notebook.',
      descriptionZh: '线装笔记本。',
    },
  ],
  [ProductCategory.HOME]: [
    {
      kind: 'merch',
      en: '{T} cushion',
      zh: '{Z}抱枕',
      price: 8900,
      description: 'Printed cushion.',
      descriptionZh: '印花抱枕。',
    },
    {
      kind: 'merch',
      en: '{T} mug',
      zh: '{Z}马克杯',
      price: 5900,
      description: 'Ceramic mug.',
      descriptionZh: '陶瓷马克杯。',
    },
    {
      kind: 'merch',
      en: '{T} tote bag',
      zh: '{Z}帆布袋',
      price: 6900,
      description: 'Canvas tote.',
      descriptionZh: '帆布托特包。',
    },
  ],
  [ProductCategory.FOOD]: [
    {
      kind: 'merch',
      en: '{T} tea gift box',
      zh: '{Z}茶礼盒',
      price: 12800,
      description: 'Green tea from Songjiang hills.',
      descriptionZh: '松江山间绿茶。',
    },
    {
      kind: 'merch',
      en: '{T} mooncake box',
      zh: '{Z}月饼礼盒',
      price: 16800,
      description: 'Six mooncakes from a Songjiang bakery.',
      descriptionZh: '松江老字号月饼六枚。',
    },
    {
      kind: 'merch',
      en: '{T} farm cheese',
      zh: '{Z}农场奶酪',
      price: 4800,
      description: 'Cheese from the ranch in the film.',
      descriptionZh: '电影中牧场出品的奶酪。',
    },
  ],
  [ProductCategory.CRAFT]: [
    {
      kind: 'merch',
      en: '{T} lantern-making kit',
      zh: '{Z}花灯制作套装',
      price: 9900,
      description: 'Make a paper lantern at home.',
      descriptionZh: '在家做一盏纸花灯。',
    },
    {
      kind: 'merch',
      en: '{T} paper-cut kit',
      zh: '{Z}剪纸套装',
      price: 7900,
      description: 'Paper-cut kit with patterns.',
      descriptionZh: '附图样的剪纸套装。',
    },
  ],
  [ProductCategory.TOUR]: [
    {
      kind: 'experience',
      en: '{T} night tour',
      zh: '{Z}夜游',
      price: 9800,
      description: 'The sets by lantern light.',
      descriptionZh: '灯光下的片场。',
      sessions: { startTimes: ['19:00'], durationMinutes: 120 },
    },
    {
      kind: 'experience',
      en: '{T} filming location tour',
      zh: '{Z}拍摄地之旅',
      price: 12000,
      description: 'Walk where {T} was filmed.',
      descriptionZh: '走进《{Z}》拍摄地。',
    },
  ],
  [ProductCategory.WORKSHOP]: [
    {
      kind: 'experience',
      en: '{T} paper-cut workshop',
      zh: '{Z}剪纸工作坊',
      price: 15800,
      description: 'Two hours with a paper-cut master.',
      descriptionZh: '跟剪纸师傅学两小时。',
    },
  ],
  [ProductCategory.SCREENING]: [
    {
      kind: 'experience',
      en: '{T} open-air screening',
      zh: '{Z}露天放映',
      price: 8000,
      description: 'The film under the stars.',
      descriptionZh: '星空下看电影。',
      sessions: { startTimes: ['19:30'], durationMinutes: 150 },
    },
  ],
  [ProductCategory.STAY]: [
    {
      kind: 'experience',
      en: '{T} ranch night',
      zh: '{Z}牧场夜宿',
      price: 68000,
      description: 'A night at the ranch.',
      descriptionZh: '牧场住一晚。',
      // From check-in in the evening to breakfast.
      sessions: { startTimes: ['18:00'], durationMinutes: 15 * 60 },
    },
  ],
};

/**
 * Demo catalog: venues for the Chedun merchants, and products for every ACTIVE license a demo merchant holds,
 * approved by the studio and published, experiences with weekend slots over the next four weeks. Runs after the
 * licensing demo data; does nothing once the demo merchants have products.
 */
@Injectable()
export class CatalogDemoSeeder {
  private readonly logger = new Logger(CatalogDemoSeeder.name);
  private sequence = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly products: ProductService,
    private readonly approvals: ProductApprovalService,
    private readonly galleries: ProductMediaService,
    private readonly media: MediaService,
    private readonly venues: VenueService,
    private readonly slots: TimeSlotService,
    private readonly filmIps: FilmIpReader,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<number> {
    const merchants: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT id, name FROM organizations WHERE kind = 'MERCHANT' AND name = ANY($1::text[])`,
      [VENUES.map((v) => v.merchant)],
    );
    if (merchants.length === 0) return 0;
    const [existing] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM products WHERE merchant_id = ANY($1::uuid[])`,
      [merchants.map((m) => m.id)],
    );
    if (existing.n > 0) return 0;

    const shops: Shop[] = [];
    for (const merchant of merchants) {
      const actor = await this.ownerOf(merchant.id);
      const spec = VENUES.find((v) => v.merchant === merchant.name)!;
      const { merchant: _name, ...venue } = spec;
      const [found] = await this.dataSource.query(`SELECT id FROM venues WHERE merchant_id = $1 AND name = $2`, [
        merchant.id,
        venue.name,
      ]);
      const venueId: string =
        found?.id ??
        (await this.venues.create(actor, plainToInstance(CreateVenueInput, { merchantId: merchant.id, ...venue }))).id;
      const licenses: DemoLicense[] = await this.dataSource.query(
        `SELECT id, studio_id AS "studioId", film_ip_id AS "filmIpId", categories
           FROM licenses WHERE merchant_id = $1 AND status = 'ACTIVE' ORDER BY created_at`,
        [merchant.id],
      );
      shops.push({ merchantId: merchant.id, actor, venueId, licenses });
    }
    const ips = new Map(
      (await this.filmIps.findByIds(shops.flatMap((s) => s.licenses.map((l) => l.filmIpId)))).map((ip) => [ip.id, ip]),
    );

    let created = 0;
    for (const [pass, edition] of EDITIONS.entries()) {
      for (const shop of shops) {
        for (const license of shop.licenses) {
          const ip = ips.get(license.filmIpId);
          const fill = (text: string): string =>
            text.replaceAll('{T}', ip?.title ?? 'Chedun').replaceAll('{Z}', ip?.titleZh ?? ip?.title ?? '车墩');
          const studio = await this.ownerOf(license.studioId);
          for (const category of license.categories) {
            for (const template of TEMPLATES[category] ?? []) {
              if (created >= MAX_PRODUCTS) return this.done(created);
              if (pass > 0 && template.kind === 'experience') continue;
              const content = {
                licenseId: license.id,
                category,
                name: (fill(template.en) + edition.en).slice(0, 120),
                nameZh: (fill(template.zh) + edition.zh).slice(0, 120),
                description: fill(template.description),
                descriptionZh: fill(template.descriptionZh),
              };
              const poster = { filmTitle: ip?.title ?? 'Chedun', filmTitleZh: ip?.titleZh ?? null };
              if (await this.seedProduct(shop, studio, template, content, poster)) created++;
            }
          }
        }
      }
    }
    return this.done(created);
  }

  /** Creates, approves and publishes one product; false when the license does not allow it (logged, not fatal). */
  private async seedProduct(
    shop: Shop,
    studio: Actor,
    template: Template,
    content: {
      licenseId: string;
      category: ProductCategory;
      name: string;
      nameZh: string;
      description: string;
      descriptionZh: string;
    },
    poster: { filmTitle: string; filmTitleZh: string | null },
  ): Promise<boolean> {
    const price = plainToInstance(MoneyInput, { amountMinor: template.price, currency: 'CNY' });
    const posterUpload = this.uploadPoster(shop, { ...poster, name: content.name, nameZh: content.nameZh });
    // Awaited below, or left unused when the product is refused; either way its failure must not go unhandled.
    posterUpload.catch(() => undefined);
    try {
      const product =
        template.kind === 'merch'
          ? await this.products.createMerchandise(
              shop.actor,
              plainToInstance(CreateMerchandiseInput, {
                ...content,
                variants: [{ sku: `DEMO-${++this.sequence}`, price, stock: 20 + ((this.sequence * 7) % 80) }],
              }),
            )
          : await this.products.createExperience(
              shop.actor,
              plainToInstance(CreateExperienceInput, {
                ...content,
                venueId: shop.venueId,
                ticketTypes: [
                  { name: 'Adult', nameZh: '成人', price },
                  {
                    name: 'Child',
                    nameZh: '儿童',
                    price: plainToInstance(MoneyInput, {
                      amountMinor: Math.round(template.price / 2),
                      currency: 'CNY',
                    }),
                  },
                ],
              }),
            );
      if (template.kind === 'experience')
        await this.addWeekendSlots(shop.actor, product.id, template.sessions ?? DAYTIME);
      // The gallery is set before approval: the studio approves the picture with the rest of the design.
      const mediaId = await posterUpload;
      await this.galleries.setGallery(
        shop.actor,
        plainToInstance(SetProductMediaArgs, {
          productId: product.id,
          mediaIds: [mediaId],
          alt: [{ mediaId, alt: `Poster for ${content.name}`, altZh: `${content.nameZh}海报` }],
        }),
      );
      await this.approvals.submit(shop.actor, product.id);
      await this.approvals.approve(studio, product.id);
      await this.approvals.publish(shop.actor, product.id);
      return true;
    } catch (error) {
      this.logger.warn(
        `Demo product ${content.name} skipped: ${error instanceof Error ? error.message : String(error)}`,
      );
      return false;
    }
  }

  /**
   * Draws a poster and uploads it for the shop's merchant through the same path as POST /media, so its renditions and
   * keys are like any upload's. CPU work (drawing, WebP encoding), started before the product's database work so
   * the two overlap: it is most of what the demo seed costs at start-up.
   */
  private async uploadPoster(
    shop: Shop,
    text: { name: string; nameZh: string; filmTitle: string; filmTitleZh: string | null },
  ): Promise<string> {
    const upload = await this.media.upload(shop.actor, shop.merchantId, await drawPoster(text));
    return upload.id;
  }

  private done(created: number): number {
    if (created > 0) this.logger.log(`Seeded ${created} demo products`);
    return created;
  }

  private async addWeekendSlots(
    actor: Actor,
    experienceId: string,
    sessions: { startTimes: string[]; durationMinutes: number },
  ): Promise<void> {
    const today = shanghaiDate(this.clock.now());
    const inFourWeeks = shanghaiDate(new Date(this.clock.now().getTime() + 28 * 86_400_000));
    for (const startTime of sessions.startTimes) {
      await this.slots.addWeekly(
        actor,
        plainToInstance(AddWeeklyTimeSlotsInput, {
          experienceId,
          fromDate: today,
          toDate: inFourWeeks,
          weekdays: [6, 7],
          startTime,
          durationMinutes: sessions.durationMinutes,
          capacity: 30,
        }),
      );
    }
  }

  private ownerOf(organizationId: string): Promise<Actor> {
    return organizationOwner(this.dataSource, organizationId);
  }
}
