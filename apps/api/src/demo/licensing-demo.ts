import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, ActorLoader } from '@chedun/identity';
import { FilmIpService } from '@chedun/ip';
import { Clock, Money, ProductCategory as C, shanghaiDate } from '@chedun/kernel';
import { LicenseApplicationService, LicenseOfferService, LicenseService } from '@chedun/licensing';
import { MediaService } from '@chedun/media';
import { DataSource } from 'typeorm';
import { drawPoster } from './demo-poster';

interface DemoPlace {
  nameEn: string;
  nameZh: string;
  latitude: number;
  longitude: number;
}

/** What happens to a merchant's application for the IP's offer. */
interface DemoDeal {
  merchantEmail: string;
  merchant: string;
  outcome: 'PENDING' | 'ACTIVE' | 'SUSPENDED';
  pitch: string;
}

interface DemoIp {
  title: string;
  titleZh: string;
  year: number;
  synopsis: string;
  synopsisZh: string;
  characters: { name: string; nameZh: string }[];
  place: DemoPlace;
  offer: { royaltyBps: number; categories: C[]; advanceYuan?: number; minimumGuaranteeYuan?: number };
  deals: DemoDeal[];
}

const CHEDUN_FILM_PARK: DemoPlace = {
  nameEn: 'Shanghai Film Park, Chedun',
  nameZh: '上海影视乐园（车墩）',
  latitude: 30.9436,
  longitude: 121.3066,
};
const GUANGFULIN: DemoPlace = {
  nameEn: 'Guangfulin Cultural Relics Park',
  nameZh: '广富林文化遗址',
  latitude: 31.0707,
  longitude: 121.2011,
};
const SHESHAN: DemoPlace = { nameEn: 'Sheshan Hill', nameZh: '佘山', latitude: 31.0971, longitude: 121.1926 };
const XINSHE_PASTURE: DemoPlace = {
  nameEn: 'Xinshe Village pastures',
  nameZh: '新社村牧场',
  latitude: 30.9532,
  longitude: 121.2861,
};

const XIANGDI = { merchantEmail: 'shop@xiangdi.test', merchant: 'Xiangdi Art Center' };
const RANCH = { merchantEmail: 'ranch@xinshe.test', merchant: 'Xinshe Ranch' };
const FILM_PARK_SHOP = { merchantEmail: 'ranch@xinshe.test', merchant: 'Shanghai Film Park Shop' };

/**
 * The demo studios are in Chedun and write to their merchants in Chinese first, with the English after it: a reason
 * is one text, shown as written in either interface.
 */
const SUSPENSION_REASON = '包装设计正在由片方审核 · Packaging artwork under review by the studio';

/** Film IP, offers and deals per demo studio owner. */
const CATALOGUE: Record<string, DemoIp[]> = {
  'studio@xinshe.test': [
    {
      title: 'Lotus Lantern',
      titleZh: '宝莲灯',
      year: 1999,
      synopsis: 'A boy crosses heaven and earth with a magic lotus lantern to free his mother from under a mountain.',
      synopsisZh: '少年沉香手持宝莲灯，上天入地，劈山救母。',
      characters: [
        { name: 'Chen Xiang', nameZh: '沉香' },
        { name: 'Third Holy Mother', nameZh: '三圣母' },
        { name: 'Erlang Shen', nameZh: '二郎神' },
      ],
      place: CHEDUN_FILM_PARK,
      offer: { royaltyBps: 1_200, categories: [C.APPAREL, C.COLLECTIBLE, C.CRAFT], advanceYuan: 50_000 },
      deals: [
        { ...XIANGDI, outcome: 'ACTIVE', pitch: 'Hand-painted lantern replicas and lotus pins for our gallery shop.' },
      ],
    },
    {
      title: 'Summer at Xinshe Ranch',
      titleZh: '新社牧场的夏天',
      year: 2021,
      synopsis: 'A city girl spends one summer with her grandfather’s dairy cows and learns the rhythm of the fields.',
      synopsisZh: '城里女孩在爷爷的奶牛场度过一个夏天，学会了田野的节奏。',
      characters: [
        { name: 'Xiaoyu', nameZh: '小雨' },
        { name: 'Grandpa Wang', nameZh: '王爷爷' },
      ],
      place: XINSHE_PASTURE,
      offer: { royaltyBps: 800, categories: [C.FOOD, C.TOUR, C.WORKSHOP] },
      deals: [{ ...RANCH, outcome: 'ACTIVE', pitch: 'Milking workshops and film-set picnics on the real pasture.' }],
    },
  ],
  'studio@xingxi.test': [
    {
      title: 'Tides of Songjiang',
      titleZh: '松江潮',
      year: 2018,
      synopsis: 'Three generations of boatmen on the Huangpu’s upper reaches, and the last ferry crossing.',
      synopsisZh: '黄浦江上游三代船工，和最后一班渡船。',
      characters: [{ name: 'Old Lu', nameZh: '老陆' }],
      place: GUANGFULIN,
      offer: { royaltyBps: 1_000, categories: [C.TOUR, C.SCREENING], minimumGuaranteeYuan: 100_000 },
      deals: [{ ...RANCH, outcome: 'PENDING', pitch: 'Riverside screenings followed by a ranch dinner.' }],
    },
    {
      title: 'Paper Crane Alley',
      titleZh: '纸鹤巷',
      year: 2023,
      synopsis: 'A stationery shop in an old alley where every folded crane carries a wish.',
      synopsisZh: '老弄堂里的一家文具店，每只折好的纸鹤都载着一个心愿。',
      characters: [
        { name: 'Mei', nameZh: '阿美' },
        { name: 'The Crane', nameZh: '纸鹤' },
      ],
      place: CHEDUN_FILM_PARK,
      offer: { royaltyBps: 1_500, categories: [C.STATIONERY, C.CRAFT, C.HOME] },
      deals: [{ ...XIANGDI, outcome: 'ACTIVE', pitch: 'Origami kits and notebooks with the film’s alley map.' }],
    },
  ],
  'studio@wuyue.test': [
    {
      title: 'Swordswomen of Wuyue',
      titleZh: '吴越女剑',
      year: 2016,
      synopsis: 'A swordswoman of ancient Yue guards the kingdom’s last bronze sword.',
      synopsisZh: '古越国的女剑客，守护着王国最后一把青铜剑。',
      characters: [
        { name: 'A Qing', nameZh: '阿青' },
        { name: 'Fan Li', nameZh: '范蠡' },
      ],
      place: SHESHAN,
      offer: {
        royaltyBps: 1_800,
        categories: [C.APPAREL, C.COLLECTIBLE],
        advanceYuan: 80_000,
        minimumGuaranteeYuan: 200_000,
      },
      deals: [{ ...XIANGDI, outcome: 'SUSPENDED', pitch: 'Bronze-finish sword replicas and embroidered robes.' }],
    },
    {
      title: 'Night Train to Chedun',
      titleZh: '夜车去车墩',
      year: 2022,
      synopsis: 'A detective story aboard the last train into the film park before it closes for the night.',
      synopsisZh: '影视乐园闭园前的末班列车上，一桩悬案等待侦破。',
      characters: [{ name: 'Inspector Qian', nameZh: '钱探长' }],
      place: CHEDUN_FILM_PARK,
      offer: { royaltyBps: 900, categories: [C.TOUR, C.STAY, C.SCREENING] },
      deals: [{ ...FILM_PARK_SHOP, outcome: 'ACTIVE', pitch: 'Night tours of the set and a murder-mystery stay.' }],
    },
    {
      title: 'The Mooncake Detective',
      titleZh: '月饼侦探',
      year: 2024,
      synopsis: 'A pastry chef solves the theft of the Mid-Autumn recipe.',
      synopsisZh: '一位点心师傅追查中秋秘方失窃案。',
      characters: [{ name: 'Chef Su', nameZh: '苏师傅' }],
      place: GUANGFULIN,
      offer: { royaltyBps: 700, categories: [C.FOOD] },
      deals: [],
    },
  ],
};

/**
 * Demo film IP and licensing, through the same use cases the API runs. Each IP is seeded with its offer and
 * deals only when the studio does not have an IP of that title yet, so re-running changes nothing.
 */
@Injectable()
export class LicensingDemoSeeder {
  private readonly logger = new Logger(LicensingDemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actors: ActorLoader,
    private readonly clock: Clock,
    private readonly filmIps: FilmIpService,
    private readonly offers: LicenseOfferService,
    private readonly applications: LicenseApplicationService,
    private readonly licenses: LicenseService,
    private readonly media: MediaService,
  ) {}

  async run(): Promise<void> {
    const today = shanghaiDate(this.clock.now());
    const twoYears = shanghaiDate(new Date(this.clock.now().getTime() + 730 * 86_400_000));
    const places = new Map<string, string>();
    let seeded = 0;
    for (const [studioEmail, ips] of Object.entries(CATALOGUE)) {
      const studio = await this.actor(studioEmail);
      const studioId = studio.memberships[0]?.organizationId;
      if (!studioId) continue;
      const existing = await this.filmIps.list({ studioId, first: 100 });
      const titles = new Set(existing.edges.map((e) => e.node.title));
      for (const ip of ips) {
        if (titles.has(ip.title)) continue;
        const filmIp = await this.filmIps.create(studio, {
          studioId,
          title: ip.title,
          titleZh: ip.titleZh,
          year: ip.year,
          synopsis: ip.synopsis,
          synopsisZh: ip.synopsisZh,
          characters: ip.characters,
          artworkUrls: [],
        });
        await this.seedKeyArt(studio, studioId, filmIp.id, ip);
        const knownPlace = places.get(ip.place.nameEn);
        if (knownPlace) await this.filmIps.linkFilmingLocation(studio, filmIp.id, knownPlace);
        else
          places.set(
            ip.place.nameEn,
            (await this.filmIps.recordFilmingLocation(studio, { filmIpId: filmIp.id, ...ip.place })).id,
          );
        const offer = await this.offers.publish(studio, filmIp.id, {
          royaltyBps: ip.offer.royaltyBps,
          categories: ip.offer.categories,
          territory: 'CN',
          startsOn: today,
          endsOn: twoYears,
          advance: ip.offer.advanceYuan === undefined ? null : Money.of(ip.offer.advanceYuan * 100),
          minimumGuarantee:
            ip.offer.minimumGuaranteeYuan === undefined ? null : Money.of(ip.offer.minimumGuaranteeYuan * 100),
        });
        for (const deal of ip.deals) await this.close(studio, offer.id, deal);
        seeded++;
      }
    }
    if (seeded > 0) this.logger.log(`Seeded ${seeded} demo film IPs with offers and licenses`);
  }

  /**
   * The film's poster, drawn in its products' colour (the hue comes from the title, as on their posters) and uploaded
   * for the studio through the same path as POST /media, then set as the IP's key art as the studio would.
   */
  private async seedKeyArt(
    studio: Actor,
    studioId: string,
    filmIpId: string,
    ip: { title: string; titleZh: string; year: number },
  ): Promise<void> {
    const poster = await drawPoster({
      nameZh: `《${ip.titleZh}》`,
      name: ip.title,
      filmTitle: ip.title,
      filmTitleZh: ip.titleZh,
      footer: `${ip.year} · 电影海报 Key art`,
    });
    const upload = await this.media.upload(studio, studioId, poster);
    await this.filmIps.setKeyArt(studio, filmIpId, upload.id);
  }

  private async close(studio: Actor, offerId: string, deal: DemoDeal): Promise<void> {
    const merchant = await this.actor(deal.merchantEmail);
    const merchantId = await this.organizationNamed(merchant, deal.merchant);
    const application = await this.applications.apply(merchant, { offerId, merchantId, pitch: deal.pitch });
    if (deal.outcome === 'PENDING') return;
    const { license } = await this.applications.approve(studio, application.id);
    if (deal.outcome === 'SUSPENDED') await this.licenses.suspend(studio, license.id, SUSPENSION_REASON);
  }

  private async actor(email: string): Promise<Actor> {
    const actor = await this.actors.byEmail(email);
    if (!actor) throw new Error(`Demo account ${email} is missing`);
    return actor;
  }

  private async organizationNamed(actor: Actor, name: string): Promise<string> {
    const ids = actor.memberships.map((m) => m.organizationId);
    const orgs = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM organizations WHERE id = ANY($1) AND name = $2`,
      [ids, name],
    );
    const id = orgs[0]?.id;
    if (!id) throw new Error(`Demo merchant ${name} is missing`);
    return id;
  }
}
