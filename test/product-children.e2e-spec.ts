import { DataSource, EntityTarget, MoreThanOrEqual, ObjectLiteral } from 'typeorm';
import {
  ProductEntity,
  ProductVariantEntity,
  TicketTypeEntity,
  TimeSlotEntity,
} from '../libs/catalog/src/product.entity';
import { ProductChildrenRepository } from '../libs/catalog/src/product-children.repository';
import { VenueEntity } from '../libs/catalog/src/venue.entity';
import {
  addSlot,
  approveAndPublish,
  createExperience,
  createMerchandise,
  createVenue,
  licensedMerchant,
} from './support/catalog';
import { startTestApp, TestApp } from './support/test-app';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The product page's statement is fixed SQL mapped by hand (product-children.repository.ts). These tests hold it to
 * what TypeORM's own mapping of the same rows gives, column by column, so a column added, renamed or mistyped in one
 * and not the other fails here.
 */
describe('product page rows mapped by hand', () => {
  let t: TestApp;
  let repository: ProductChildrenRepository;
  let data: DataSource;
  let merchandiseId: string;
  let experienceId: string;

  beforeAll(async () => {
    t = await startTestApp();
    repository = t.app.get(ProductChildrenRepository);
    data = t.app.get(DataSource);
    const l = await licensedMerchant(t);
    const merch = await createMerchandise(t, l, { prices: [2500, 900, 1800], stock: 7 });
    merchandiseId = merch.id;
    await approveAndPublish(t, l, merch.id);
    // Every nullable and non-default value present, so a column mapped to the wrong property cannot pass.
    await t.sql(
      `UPDATE product_variants SET reserved = 2, sold = 1, options = '[{"name":"Size","nameZh":"尺码","value":"M","valueZh":"中"}]'
        WHERE id = $1`,
      [merch.variants[0]?.id],
    );
    await t.sql(`UPDATE products SET purchase_limit = 3, images = ARRAY['https://img.example/a.jpg'] WHERE id = $1`, [
      merch.id,
    ]);
    const venue = await createVenue(t, l.merchant);
    await t.sql(
      `UPDATE venues SET address = 'No. 1 Road', address_zh = '一号路', opening_notes = 'Dawn' WHERE id = $1`,
      [venue.id],
    );
    const exp = await createExperience(t, l, venue.id, { prices: [12000, 6000, 6000] });
    experienceId = exp.id;
    const now = t.clock.now().getTime();
    const soon = await addSlot(t, l, exp.id, new Date(now + 2 * DAY), 12);
    await addSlot(t, l, exp.id, new Date(now + DAY), 8);
    await addSlot(t, l, exp.id, new Date(now + 40 * DAY), 8); // beyond the 30 days
    await t.sql(
      `UPDATE time_slots SET reserved = 3, sold = 4, status = 'CANCELLED', cancelled_at = now() WHERE id = $1`,
      [soon.id],
    );
    await approveAndPublish(t, l, exp.id);
  });
  afterAll(() => t.close());

  /** The entity as TypeORM maps its row: every column of its metadata. */
  function columnsOf(target: EntityTarget<ObjectLiteral>): string[] {
    return data
      .getMetadata(target)
      .columns.map((c) => c.propertyName)
      .sort();
  }

  async function expected(productId: string, now: Date) {
    const m = data.manager;
    const product = await m.findOneByOrFail(ProductEntity, { id: productId });
    const upcoming = await m.find(TimeSlotEntity, {
      where: { productId, startsAt: MoreThanOrEqual(now) },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    return {
      product,
      children: {
        variants: await m.find(ProductVariantEntity, { where: { productId }, order: { position: 'ASC', id: 'ASC' } }),
        ticketTypes: await m.find(TicketTypeEntity, { where: { productId }, order: { position: 'ASC', id: 'ASC' } }),
        upcomingSlots: upcoming.filter((s) => s.startsAt.getTime() < now.getTime() + 30 * DAY),
        venue: product.venueId ? await m.findOneByOrFail(VenueEntity, { id: product.venueId }) : null,
      },
    };
  }

  it('gives the product and its children exactly as TypeORM maps them, every column of every entity', async () => {
    const now = t.clock.now();
    for (const id of [merchandiseId, experienceId]) {
      const found = await repository.findWithChildren(id, now);
      expect(found).toEqual(await expected(id, now));
      expect(found?.product).toBeInstanceOf(ProductEntity);
      expect(Object.keys(found?.product ?? {}).sort()).toEqual(columnsOf(ProductEntity));
      for (const v of found?.children.variants ?? [])
        expect(Object.keys(v).sort()).toEqual(columnsOf(ProductVariantEntity));
      for (const x of found?.children.ticketTypes ?? [])
        expect(Object.keys(x).sort()).toEqual(columnsOf(TicketTypeEntity));
      for (const s of found?.children.upcomingSlots ?? [])
        expect(Object.keys(s).sort()).toEqual(columnsOf(TimeSlotEntity));
      if (found?.children.venue) expect(Object.keys(found.children.venue).sort()).toEqual(columnsOf(VenueEntity));
    }
    const merch = await repository.findWithChildren(merchandiseId, now);
    expect(merch?.children.variants.map((v) => v.priceMinor)).toEqual([2500, 900, 1800]);
    expect(merch?.children.variants[0]).toMatchObject({
      reserved: 2,
      sold: 1,
      options: [{ name: 'Size', value: 'M' }],
    });
    const exp = await repository.findWithChildren(experienceId, now);
    expect(exp?.children.upcomingSlots).toHaveLength(2);
    expect(exp?.children.upcomingSlots[1]).toMatchObject({ status: 'CANCELLED', reserved: 3, sold: 4 });
    expect(exp?.children.upcomingSlots[1]?.cancelledAt).toBeInstanceOf(Date);
    expect(exp?.children.venue).toMatchObject({ address: 'No. 1 Road', openingNotes: 'Dawn' });
  });

  it('gives the children of many products in the order asked, and none for an unknown product', async () => {
    const now = t.clock.now();
    const unknown = '00000000-0000-4000-8000-000000000000';
    const many = await repository.childrenOf([experienceId, unknown, merchandiseId], now);
    expect(many).toEqual([
      (await expected(experienceId, now)).children,
      { variants: [], ticketTypes: [], upcomingSlots: [], venue: null },
      (await expected(merchandiseId, now)).children,
    ]);
    expect(await repository.findWithChildren(unknown, now)).toBeNull();
  });
});
