import { Args, ArgsType, Context, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, Public } from '@chedun/identity';
import { Money, MoneyType } from '@chedun/kernel';
import DataLoader from 'dataloader';
import { ArrayMaxSize, ArrayMinSize, IsUUID } from 'class-validator';
import { DeliveryOptionsRow } from './delivery.repository';
import { DeliveryOptionsService } from './delivery-options.service';
import { DeliveryView, DeliveryViewService } from './delivery-view.service';
import {
  DeliveryAddress,
  DeliveryMethod,
  DeliveryOptions,
  OrderDelivery,
  SetDeliveryOptionsInput,
  Shipment,
  ShipOrderLinesInput,
} from './delivery.types';
import { OrderQueryService } from './order-query.service';
import { OrderRecord } from './order-records';
import { OrdersException } from './orders.exception';
import { toOrder } from './orders.mappers';
import { Order, OrderLine } from './orders.types';
import { ShipmentService } from './shipment.service';
import { LineShipmentRow } from './shipment.repository';

@ArgsType()
class DeliveryOptionsArgs {
  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  merchantIds!: string[];
}

function toDeliveryOptions(o: DeliveryOptionsRow): DeliveryOptions {
  const money = (minor: number | null) => (minor === null ? null : MoneyType.from(Money.of(minor, o.currency)));
  return {
    merchantId: o.merchantId,
    pickup: o.pickup,
    ship: o.ship,
    shippingFee: money(o.shippingFeeMinor),
    freeShippingFrom: money(o.freeShippingFromMinor),
    pickupAddress: o.pickupAddress,
  };
}

/** Delivery: merchants' options, the buyer's address book, shipping and pickup hand-over, and what orders show of it. */
@Resolver(() => Order)
export class DeliveryResolver {
  /** One request's orders' deliveries, read at once (a merchant's order list asks for twenty). */
  private readonly perRequest = new WeakMap<object, DataLoader<string, DeliveryView | null>>();

  constructor(
    private readonly options: DeliveryOptionsService,
    private readonly shipments: ShipmentService,
    private readonly views: DeliveryViewService,
    private readonly queries: OrderQueryService,
  ) {}

  @Mutation(() => DeliveryOptions, {
    description:
      'Owner or staff of the merchant: pickup at its own address (the default) and/or shipping for a flat fee.',
  })
  async setDeliveryOptions(
    @CurrentActor() actor: Actor,
    @Args('input') input: SetDeliveryOptionsInput,
  ): Promise<DeliveryOptions> {
    return toDeliveryOptions(await this.options.set(actor, input));
  }

  @Public()
  @Query(() => [DeliveryOptions], {
    description: 'What each merchant offers; a merchant that set nothing offers pickup only.',
  })
  async deliveryOptions(@Args() args: DeliveryOptionsArgs): Promise<DeliveryOptions[]> {
    return (await this.options.optionsOf(args.merchantIds.map((id) => id.toLowerCase()))).map(toDeliveryOptions);
  }

  @Query(() => [DeliveryAddress], {
    description: 'The caller’s address book: addresses shipped to before, last used first.',
  })
  async myAddresses(@CurrentActor() actor: Actor): Promise<DeliveryAddress[]> {
    return (await this.options.addressBook(actor)).map((a) => ({ ...a }));
  }

  @Mutation(() => Order, {
    description:
      'Staff of the lines’ merchant only: ships them with carrier and tracking number; the buyer is emailed.',
  })
  async shipOrderLines(@CurrentActor() actor: Actor, @Args('input') input: ShipOrderLinesInput): Promise<Order> {
    return this.view(actor, await this.shipments.shipLines(actor, input));
  }

  @Mutation(() => Order, {
    description: 'Staff of the merchant hand a paid pickup over against the code the buyer shows (typed or scanned).',
  })
  async handOverPickup(@CurrentActor() actor: Actor, @Args('code') code: string): Promise<Order> {
    if (code.length > 100) throw OrdersException.badInput('Not a pickup code', { field: 'code' });
    return this.view(actor, await this.shipments.handOverPickup(actor, code));
  }

  @ResolveField(() => OrderDelivery, { nullable: true, description: 'Null when the order holds no merchandise.' })
  async delivery(
    @CurrentActor() actor: Actor,
    @Parent() order: Order,
    @Context('req') req: object,
  ): Promise<OrderDelivery | null> {
    let loader = this.perRequest.get(req);
    if (!loader) {
      loader = new DataLoader((ids: readonly string[]) => this.views.deliveriesOf(actor, ids));
      this.perRequest.set(req, loader);
    }
    const view = await loader.load(order.id);
    if (!view) return null;
    const { delivery } = view;
    return {
      method: delivery.method as DeliveryMethod,
      address: delivery.address ? { id: null, ...delivery.address } : null,
      fee: MoneyType.from(view.fee),
      feeRefunded: MoneyType.from(view.feeRefunded),
      merchants: view.merchants.map((m) => ({
        merchantId: m.merchantId,
        merchantName: m.merchantName,
        fee: MoneyType.from(Money.of(m.feeMinor, m.currency)),
        feeRefunded: MoneyType.from(Money.of(m.feeRefundedMinor, m.currency)),
        pickupCode: m.pickupCode,
        pickupAddress: m.pickupAddress,
        handedOverAt: m.handedOverAt,
      })),
    };
  }

  private async view(actor: Actor, order: OrderRecord): Promise<Order> {
    return toOrder(await this.queries.viewFor(actor, order));
  }
}

/** A line's shipment, read for all lines of a request at once. */
@Resolver(() => OrderLine)
export class OrderLineShipmentResolver {
  private readonly perRequest = new WeakMap<object, DataLoader<string, LineShipmentRow | null>>();

  constructor(private readonly views: DeliveryViewService) {}

  @ResolveField(() => Shipment, { nullable: true, description: 'Set once the merchant shipped the line.' })
  async shipment(@Parent() line: OrderLine, @Context('req') req: object): Promise<Shipment | null> {
    let loader = this.perRequest.get(req);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const found = await this.views.shipmentsOf(ids);
        return ids.map((id) => found.get(id) ?? null);
      });
      this.perRequest.set(req, loader);
    }
    const row = await loader.load(line.id);
    return row ? { carrier: row.carrier, trackingNumber: row.trackingNumber, shippedAt: row.shippedAt } : null;
  }
}
