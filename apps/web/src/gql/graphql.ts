/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AddBrandAssetInput = {
  filmIpId: string | number;
  /** A private upload of the studio: POST /media?private=true (image or PDF). */
  mediaId: string | number;
  /** What the file is: "Key art", "Logo (colour)", "Style guide 2026" (1 to 200 characters). */
  title: string;
};

export type AddTimeSlotInput = {
  capacity: number;
  endsAt: string;
  experienceId: string | number;
  startsAt: string;
};

/** A weekly pattern over a date range, in Asia/Shanghai time. */
export type AddWeeklyTimeSlotsInput = {
  capacity: number;
  durationMinutes: number;
  experienceId: string | number;
  fromDate: string;
  /** Local start time HH:MM (Asia/Shanghai). */
  startTime: string;
  toDate: string;
  /** ISO weekdays: 1 = Monday ... 7 = Sunday. */
  weekdays: Array<number>;
};

/** A mainland-China address: every part but the postal code is required. */
export type AddressInput = {
  city: string;
  district: string;
  /** A mainland mobile number, e.g. 13800138000 or +86 138 0013 8000. */
  phone: string;
  postalCode?: string | null | undefined;
  province: string;
  recipient: string;
  street: string;
};

export type AdjustStockInput = {
  note?: string | null | undefined;
  /** Units added (RESTOCK), removed (DAMAGE) or counted on hand (COUNT). */
  quantity: number;
  /** RESTOCK adds, DAMAGE removes, COUNT sets what was counted on hand. */
  reason: StockMovementReason;
  variantId: string | number;
};

export type ApplyForLicenseInput = {
  /** The merchant the caller applies for. */
  merchantId: string | number;
  offerId: string | number;
  pitch: string;
};

export type ChangeTimeSlotCapacityInput = {
  /** Seats added (positive) or removed (negative); never below sold + reserved. */
  delta: number;
  timeSlotId: string | number;
};

export type CheckoutInput = {
  /** How the order’s merchandise is handed over; omitted = PICKUP. Experiences need none. */
  delivery?: DeliveryInput | null | undefined;
  /** The same key from the same user returns the same order (kept at least 24 h). */
  idempotencyKey: string;
  lines: Array<CheckoutLineInput>;
};

/** Merchandise: variantId. Experience: timeSlotId + ticketTypeId. */
export type CheckoutLineInput = {
  quantity: number;
  ticketTypeId?: string | number | null | undefined;
  timeSlotId?: string | number | null | undefined;
  variantId?: string | number | null | undefined;
};

export type CreateExperienceInput = {
  category: ProductCategory;
  description?: string | null | undefined;
  descriptionZh?: string | null | undefined;
  /** Full refund until this many hours before the start (at most a year); null: every request goes to the merchant. */
  freeCancellationHours?: number | null | undefined;
  /** Public https image URLs (at most 500 characters each), at most 12; never fetched by the server. */
  images?: Array<string> | null | undefined;
  licenseId: string | number;
  name: string;
  nameZh?: string | null | undefined;
  purchaseLimit?: number | null | undefined;
  ticketTypes: Array<TicketTypeInput>;
  venueId: string | number;
};

export type CreateFilmIpInput = {
  /** Public https URLs (at most 500 characters each), at most 20; never fetched by the server. */
  artworkUrls?: Array<string> | null | undefined;
  characters?: Array<FilmCharacterInput> | null | undefined;
  studioId: string | number;
  synopsis?: string | null | undefined;
  synopsisZh?: string | null | undefined;
  title: string;
  titleZh?: string | null | undefined;
  year?: number | null | undefined;
};

export type CreateMerchandiseInput = {
  category: ProductCategory;
  description?: string | null | undefined;
  descriptionZh?: string | null | undefined;
  /** Public https image URLs (at most 500 characters each), at most 12; never fetched by the server. */
  images?: Array<string> | null | undefined;
  licenseId: string | number;
  name: string;
  nameZh?: string | null | undefined;
  purchaseLimit?: number | null | undefined;
  variants: Array<VariantInput>;
};

export type CreateOrganizationInput = {
  kind: OrganizationKind;
  name: string;
  nameZh?: string | null | undefined;
};

export type CreateVenueInput = {
  address?: string | null | undefined;
  addressZh?: string | null | undefined;
  filmingLocationIds?: Array<string | number> | null | undefined;
  latitude: number;
  longitude: number;
  merchantId: string | number;
  name: string;
  nameZh?: string | null | undefined;
  openingNotes?: string | null | undefined;
};

export type DeliveryInput = {
  /** Required for SHIP; saved to the buyer’s address book. */
  address?: AddressInput | null | undefined;
  method: DeliveryMethod;
};

/** PICKUP at the merchant (the default), or SHIP to an address. */
export type DeliveryMethod =
  | 'PICKUP'
  | 'SHIP';

export type DesignRoundStatus =
  | 'APPROVED'
  | 'CHANGES_REQUESTED'
  | 'PENDING'
  | 'REJECTED';

export type FilmCharacterInput = {
  name: string;
  nameZh?: string | null | undefined;
};

export type LicenseApplicationStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED'
  | 'WITHDRAWN';

export type LicenseOfferStatus =
  | 'CLOSED'
  | 'OPEN';

export type LicenseStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'SUSPENDED'
  | 'TERMINATED';

export type LogInInput = {
  email: string;
  password: string;
};

export type MembershipRole =
  | 'OWNER'
  | 'STAFF';

export type MerchandiseFulfilment =
  | 'PICKED_UP'
  | 'SHIPPED';

export type MerchantProductFilter = {
  category?: ProductCategory | null | undefined;
  kind?: ProductKind | null | undefined;
  licenseId?: string | number | null | undefined;
  /** Words in the name (Chinese or English) or a SKU of one of its variants; case does not matter. */
  search?: string | null | undefined;
  status?: ProductStatus | null | undefined;
  venueId?: string | number | null | undefined;
};

export type MoneyInput = {
  amountMinor: number;
  currency?: string;
};

export type OfferStanding =
  | 'APPLIED'
  | 'HELD';

export type OrderLineKind =
  | 'EXPERIENCE'
  | 'MERCHANDISE';

export type OrderStatus =
  | 'CANCELLED'
  | 'FULFILLED'
  | 'PAID'
  | 'PARTIALLY_REFUNDED'
  | 'PENDING_PAYMENT'
  | 'REFUNDED';

export type OrganizationKind =
  | 'MERCHANT'
  | 'PLATFORM'
  | 'STUDIO';

export type ProductCategory =
  | 'APPAREL'
  | 'COLLECTIBLE'
  | 'CRAFT'
  | 'FOOD'
  | 'HOME'
  | 'SCREENING'
  | 'STATIONERY'
  | 'STAY'
  | 'TOUR'
  | 'WORKSHOP';

export type ProductFilter = {
  /** Experiences with seats on this day (Asia/Shanghai). */
  availableOn?: string | null | undefined;
  categories?: Array<ProductCategory> | null | undefined;
  filmIpId?: string | number | null | undefined;
  kind?: ProductKind | null | undefined;
  maxPriceMinor?: number | null | undefined;
  merchantId?: string | number | null | undefined;
  minPriceMinor?: number | null | undefined;
  studioId?: string | number | null | undefined;
  venueId?: string | number | null | undefined;
};

export type ProductKind =
  | 'EXPERIENCE'
  | 'MERCHANDISE';

export type ProductMediaAltInput = {
  alt?: string | null | undefined;
  altZh?: string | null | undefined;
  mediaId: string | number;
};

export type ProductSearchSort =
  | 'NEWEST'
  | 'PRICE_ASC'
  | 'PRICE_DESC'
  | 'RELEVANCE';

export type ProductStatus =
  | 'APPROVED'
  | 'CHANGES_REQUESTED'
  | 'DRAFT'
  | 'PENDING_APPROVAL'
  | 'PUBLISHED'
  | 'REJECTED'
  | 'SUSPENDED';

export type PublishLicenseOfferInput = {
  advance?: MoneyInput | null | undefined;
  /** At least one. */
  categories: Array<ProductCategory>;
  /** Where licensees may sell; omitted: all three. Selling on this marketplace needs ONLINE. */
  channels?: Array<SalesChannel> | null | undefined;
  /** After startsOn; the license runs through this day (Asia/Shanghai). */
  endsOn: string;
  filmIpId: string | number;
  minimumGuarantee?: MoneyInput | null | undefined;
  /** 0 to 10000 basis points of each line’s net amount. */
  royaltyBps: number;
  startsOn: string;
  /** ISO 3166-1 alpha-2 country code. */
  territory?: string;
};

export type RefundRequestStatus =
  | 'APPROVED'
  | 'REFUNDED'
  | 'REFUSED'
  | 'REQUESTED';

/** One line of a sales report: a product sold outside this marketplace in the month. */
export type ReportedSaleInput = {
  /** VENUE or RETAIL, and one the license allows. */
  channel: SalesChannel;
  /** What the buyers paid for these, in all. */
  gross: MoneyInput;
  productId: string | number;
  quantity: number;
};

/** One series in all, or one per film IP, merchant or license. */
export type RoyaltySeriesBy =
  | 'FILM_IP'
  | 'LICENSE'
  | 'MERCHANT'
  | 'NONE';

export type RoyaltyStatementStatus =
  | 'DRAFT'
  | 'ISSUED'
  | 'SUPERSEDED';

/** ONLINE: this marketplace; VENUE: the merchant’s own venue or shop; RETAIL: other shops. */
export type SalesChannel =
  | 'ONLINE'
  | 'RETAIL'
  | 'VENUE';

/** SUBMITTED: waiting for the studio; ACCEPTED: posted to the ledger, final; DISPUTED: the studio gave a reason. */
export type SalesReportStatus =
  | 'ACCEPTED'
  | 'DISPUTED'
  | 'SUBMITTED';

export type SetDeliveryOptionsInput = {
  /** Shipping is free when the merchant’s goods in the order come to at least this. */
  freeShippingFrom?: MoneyInput | null | undefined;
  merchantId: string | number;
  /** Pickup at the merchant’s own address. */
  pickup: boolean;
  /** Where buyers pick up, shown on their orders; omitted keeps the one set before. */
  pickupAddress?: string | null | undefined;
  ship: boolean;
  /** Per order (per merchant of a shared order); required with ship, 0 for free. */
  shippingFee?: MoneyInput | null | undefined;
};

export type ShipOrderLinesInput = {
  /** The carrier’s name, e.g. 顺丰速运 or SF Express. */
  carrier: string;
  lineIds: Array<string | number>;
  orderId: string | number;
  trackingNumber: string;
};

export type SignUpInput = {
  displayName: string;
  email: string;
  /** 10 to 128 characters. */
  password: string;
};

export type StockMovementReason =
  | 'COUNT'
  | 'DAMAGE'
  | 'INITIAL'
  | 'RESTOCK'
  | 'RETURN';

export type SubmitSalesReportInput = {
  licenseId: string | number;
  lines: Array<ReportedSaleInput>;
  /** YYYY-MM in Asia/Shanghai: a month of the license term that has ended. */
  month: string;
  /** True, with no lines: nothing sold outside the marketplace that month. */
  noSales?: boolean | null | undefined;
};

export type TicketTypeInput = {
  name: string;
  nameZh?: string | null | undefined;
  price: MoneyInput;
};

export type TimeSlotStatus =
  | 'CANCELLED'
  | 'CLOSED'
  | 'OPEN';

export type VariantInput = {
  /** What choice this variant is, at most 3 options; every variant of a product names the same options in the same order, each combination once. */
  options?: Array<VariantOptionInput> | null | undefined;
  price: MoneyInput;
  sku: string;
  stock: number;
};

export type VariantOptionInput = {
  /** The option, e.g. Size (1-40 characters). */
  name: string;
  /** The option in Chinese, e.g. 尺码. */
  nameZh?: string | null | undefined;
  /** This variant's value, e.g. Black (1-40 characters). */
  value: string;
  /** The value in Chinese, e.g. 黑. */
  valueZh?: string | null | undefined;
};

export type ResendVerificationEmailMutationVariables = Exact<{ [key: string]: never; }>;


export type ResendVerificationEmailMutation = { resendVerificationEmail: boolean };

export type BrandAssetListQueryVariables = Exact<{
  filmIpId: string | number;
}>;


export type BrandAssetListQuery = { brandAssets: Array<{ id: string, title: string, contentType: string, url: string, expiresAt: string }> };

export type AddBrandAssetFromStudioMutationVariables = Exact<{
  input: AddBrandAssetInput;
}>;


export type AddBrandAssetFromStudioMutation = { addBrandAsset: { id: string } };

export type DeliveryOptionsOfQueryVariables = Exact<{
  merchantIds: Array<string | number> | string | number;
}>;


export type DeliveryOptionsOfQuery = { deliveryOptions: Array<{ merchantId: string, pickup: boolean, ship: boolean, shippingFee: { amountMinor: number, currency: string } | null, freeShippingFrom: { amountMinor: number, currency: string } | null }> };

export type MyAddressesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAddressesQuery = { myAddresses: Array<{ id: string | null, recipient: string, phone: string, province: string, city: string, district: string, street: string, postalCode: string | null }> };

export type SubmitRoundMutationVariables = Exact<{
  productId: string | number;
  artworkMediaIds: Array<string | number> | string | number;
  note?: string | null | undefined;
}>;


export type SubmitRoundMutation = { submitDesignRound: { id: string, status: ProductStatus } };

export type PaymentSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type PaymentSettingsQuery = { paymentSettings: { provider: string, stripePublishableKey: string | null } };

export type DevConfirmMutationVariables = Exact<{
  orderId: string | number;
}>;


export type DevConfirmMutation = { devConfirmPayment: { id: string, status: OrderStatus } };

export type OrganizationLogoOfQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganizationLogoOfQuery = { organization: { id: string, logo: { id: string, thumbnailUrl: string } | null } };

export type SetOrganizationLogoMutationVariables = Exact<{
  organizationId: string | number;
  mediaId?: string | number | null | undefined;
}>;


export type SetOrganizationLogoMutation = { setOrganizationLogo: { id: string } };

export type CreateOrganizationMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;


export type CreateOrganizationMutation = { createOrganization: { id: string } };

export type ProductRatingsQueryVariables = Exact<{
  productIds: Array<string | number> | string | number;
}>;


export type ProductRatingsQuery = { productRatings: Array<{ productId: string, rating: { average: number | null, count: number } }> };

export type ReviewLineMutationVariables = Exact<{
  orderLineId: string | number;
  rating: number;
  text?: string | null | undefined;
}>;


export type ReviewLineMutation = { reviewOrderLine: { id: string, rating: number } };

export type SetFavouriteMutationVariables = Exact<{
  productId: string | number;
  favourite: boolean;
}>;


export type SetFavouriteMutation = { setFavourite: boolean };

export type VenuePhotosOfQueryVariables = Exact<{
  id: string | number;
}>;


export type VenuePhotosOfQuery = { venue: { id: string, photos: Array<{ id: string, thumbnailUrl: string }> } };

export type SetVenuePhotosMutationVariables = Exact<{
  venueId: string | number;
  mediaIds: Array<string | number> | string | number;
}>;


export type SetVenuePhotosMutation = { setVenuePhotos: { id: string } };

export type RefreshSessionMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshSessionMutation = { refreshToken: { accessToken: string, refreshToken: string } };

export type FilmIpTitlesQueryVariables = Exact<{ [key: string]: never; }>;


export type FilmIpTitlesQuery = { filmIps: { edges: Array<{ node: { id: string, title: string, titleZh: string | null } }> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, displayName: string, emailVerified: boolean, memberships: Array<{ role: MembershipRole, organization: { id: string, kind: OrganizationKind, name: string, nameZh: string | null } }> } };

export type AcceptInvitationMutationVariables = Exact<{
  token: string;
}>;


export type AcceptInvitationMutation = { acceptInvitation: { role: MembershipRole, organization: { id: string, kind: OrganizationKind, name: string, nameZh: string | null } } };

export type LogInMutationVariables = Exact<{
  input: LogInInput;
}>;


export type LogInMutation = { logIn: { accessToken: string, refreshToken: string } };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { accessToken: string, refreshToken: string } };

export type CheckoutMutationVariables = Exact<{
  input: CheckoutInput;
}>;


export type CheckoutMutation = { checkout: { order: { id: string, status: OrderStatus }, payment: { provider: string, clientSecret: string } } };

export type MyFavouritesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyFavouritesQuery = { myFavourites: Array<{ id: string, kind: ProductKind, name: string, nameZh: string | null, priceFrom: { amountMinor: number, currency: string } | null, merchant: { id: string, name: string, nameZh: string | null }, rating: { average: number | null, count: number } }> };

export type FilmDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type FilmDetailQuery = { filmIp: { id: string, title: string, titleZh: string | null, year: number | null, synopsis: string | null, synopsisZh: string | null, artworkUrls: Array<string>, keyArt: { url: string, cardUrl: string, width: number, height: number } | null, studio: { id: string, name: string, nameZh: string | null, logo: { id: string, thumbnailUrl: string } | null }, filmingLocations: Array<{ id: string, nameEn: string, nameZh: string | null, mapUrl: string }> } };

export type FilmIpsQueryVariables = Exact<{ [key: string]: never; }>;


export type FilmIpsQuery = { filmIps: { totalCount: number, edges: Array<{ node: { id: string, title: string, titleZh: string | null, year: number | null, synopsis: string | null, synopsisZh: string | null, filmingLocations: Array<{ id: string, nameEn: string, nameZh: string | null }> } }> } };

export type MerchantApplicationsQueryVariables = Exact<{
  merchantId: string | number;
}>;


export type MerchantApplicationsQuery = { merchantLicenseApplications: { edges: Array<{ node: { id: string, status: LicenseApplicationStatus, pitch: string, createdAt: string, decisionReason: string | null, offer: { id: string, royaltyBps: number, filmIp: { title: string, titleZh: string | null } } } }> } };

export type WithdrawApplicationMutationVariables = Exact<{
  id: string | number;
}>;


export type WithdrawApplicationMutation = { withdrawLicenseApplication: { id: string, status: LicenseApplicationStatus } };

export type DeliveryOptionsOfMerchantQueryVariables = Exact<{
  merchantIds: Array<string | number> | string | number;
}>;


export type DeliveryOptionsOfMerchantQuery = { deliveryOptions: Array<{ merchantId: string, pickup: boolean, ship: boolean, pickupAddress: string | null, shippingFee: { amountMinor: number, currency: string } | null, freeShippingFrom: { amountMinor: number, currency: string } | null }> };

export type SetMerchantDeliveryOptionsMutationVariables = Exact<{
  input: SetDeliveryOptionsInput;
}>;


export type SetMerchantDeliveryOptionsMutation = { setDeliveryOptions: { merchantId: string, pickup: boolean, ship: boolean } };

export type MerchantVenueChoicesQueryVariables = Exact<{
  merchantId: string | number;
}>;


export type MerchantVenueChoicesQuery = { merchantVenues: { edges: Array<{ node: { id: string, name: string, nameZh: string | null } }> } };

export type CreateMerchantVenueMutationVariables = Exact<{
  input: CreateVenueInput;
}>;


export type CreateMerchantVenueMutation = { createVenue: { id: string } };

export type CreateMerchantExperienceMutationVariables = Exact<{
  input: CreateExperienceInput;
}>;


export type CreateMerchantExperienceMutation = { createExperience: { id: string } };

export type AddWeeklySlotsMutationVariables = Exact<{
  input: AddWeeklyTimeSlotsInput;
}>;


export type AddWeeklySlotsMutation = { addWeeklyTimeSlots: Array<{ id: string }> };

export type MerchantLicensesQueryVariables = Exact<{
  merchantId: string | number;
}>;


export type MerchantLicensesQuery = { merchantLicenses: { edges: Array<{ node: { id: string, status: LicenseStatus, statusReason: string | null, royaltyBps: number, categories: Array<ProductCategory>, channels: Array<SalesChannel>, territory: string, startsOn: string, endsOn: string, filmIp: { id: string, title: string, titleZh: string | null } } }> } };

export type CreateMerchandiseMutationVariables = Exact<{
  input: CreateMerchandiseInput;
}>;


export type CreateMerchandiseMutation = { createMerchandise: { id: string, status: ProductStatus } };

export type OpenOffersQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type OpenOffersQuery = { licenseOffers: { totalCount: number, edges: Array<{ node: { id: string, royaltyBps: number, categories: Array<ProductCategory>, channels: Array<SalesChannel>, territory: string, startsOn: string, endsOn: string, advance: { amountMinor: number, currency: string } | null, minimumGuarantee: { amountMinor: number, currency: string } | null, filmIp: { id: string, title: string, titleZh: string | null, year: number | null, synopsis: string | null }, studio: { id: string, name: string, nameZh: string | null } } }> } };

export type OfferStandingsQueryVariables = Exact<{
  merchantId: string | number;
}>;


export type OfferStandingsQuery = { merchantOfferStandings: Array<{ offerId: string, standing: OfferStanding }> };

export type ApplyForLicenseMutationVariables = Exact<{
  input: ApplyForLicenseInput;
}>;


export type ApplyForLicenseMutation = { applyForLicense: { id: string, status: LicenseApplicationStatus } };

export type MerchantOrdersQueryVariables = Exact<{
  merchantId: string | number;
  status?: OrderStatus | null | undefined;
}>;


export type MerchantOrdersQuery = { merchantOrders: { totalCount: number, edges: Array<{ node: { id: string, status: OrderStatus, createdAt: string, paidAt: string | null, total: { amountMinor: number, currency: string }, lines: Array<{ id: string, kind: OrderLineKind, productName: string, productNameZh: string | null, quantity: number, slotStartsAt: string | null, fulfilment: string | null, fulfilledAt: string | null, total: { amountMinor: number, currency: string }, refunded: { amountMinor: number, currency: string } }>, tickets: Array<{ code: string, orderLineId: string, redeemedAt: string | null }> } }> } };

export type MerchantOrderDeliveriesQueryVariables = Exact<{
  merchantId: string | number;
  status?: OrderStatus | null | undefined;
}>;


export type MerchantOrderDeliveriesQuery = { merchantOrders: { edges: Array<{ node: { id: string, delivery: { method: DeliveryMethod, address: { recipient: string, phone: string, province: string, city: string, district: string, street: string, postalCode: string | null } | null, fee: { amountMinor: number } } | null, lines: Array<{ id: string, shipment: { carrier: string, trackingNumber: string } | null }> } }> } };

export type FulfilOrderLineMutationVariables = Exact<{
  orderLineId: string | number;
  fulfilment: MerchandiseFulfilment;
}>;


export type FulfilOrderLineMutation = { fulfilOrderLine: { id: string, status: OrderStatus } };

export type ShipLinesMutationVariables = Exact<{
  input: ShipOrderLinesInput;
}>;


export type ShipLinesMutation = { shipOrderLines: { id: string, status: OrderStatus } };

export type HandOverPickupMutationVariables = Exact<{
  code: string;
}>;


export type HandOverPickupMutation = { handOverPickup: { id: string, status: OrderStatus, lines: Array<{ productName: string, productNameZh: string | null, quantity: number }> } };

export type RefundOrderLineFromConsoleMutationVariables = Exact<{
  orderLineId: string | number;
}>;


export type RefundOrderLineFromConsoleMutation = { refundOrderLine: { id: string, status: OrderStatus } };

export type ActiveLicensesQueryVariables = Exact<{
  merchantId: string | number;
}>;


export type ActiveLicensesQuery = { merchantLicenses: { edges: Array<{ node: { id: string, categories: Array<ProductCategory>, filmIp: { title: string, titleZh: string | null } } }> } };

export type SetMerchantProductMediaMutationVariables = Exact<{
  productId: string | number;
  mediaIds: Array<string | number> | string | number;
  alt?: Array<ProductMediaAltInput> | ProductMediaAltInput | null | undefined;
}>;


export type SetMerchantProductMediaMutation = { setProductMedia: { id: string, status: ProductStatus } };

export type MerchantProductsQueryVariables = Exact<{
  merchantId: string | number;
  filter?: MerchantProductFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MerchantProductsQuery = { merchantProducts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: ProductKind, status: ProductStatus, statusReason: string | null, name: string, nameZh: string | null, category: ProductCategory, verificationCode: string | null, filmIp: { title: string, titleZh: string | null }, approvalRounds: Array<{ id: string, round: number, status: DesignRoundStatus, note: string | null, comments: string | null, submittedAt: string, decidedAt: string | null, artwork: Array<{ id: string, url: string, thumbnailUrl: string }> }> | null, media: Array<{ id: string, thumbnailUrl: string, alt: string | null, altZh: string | null }>, variants: Array<{ id: string, sku: string, available: number, stock: number, options: Array<{ name: string, nameZh: string | null, value: string, valueZh: string | null }>, price: { amountMinor: number, currency: string } }>, upcomingTimeSlots: Array<{ id: string, startsAt: string, capacity: number, sold: number, reserved: number, remaining: number, status: TimeSlotStatus }> } }> } };

export type SubmitProductMutationVariables = Exact<{
  productId: string | number;
}>;


export type SubmitProductMutation = { submitProductForApproval: { id: string, status: ProductStatus } };

export type PublishProductMutationVariables = Exact<{
  productId: string | number;
}>;


export type PublishProductMutation = { publishProduct: { id: string, status: ProductStatus } };

export type AdjustStockMutationVariables = Exact<{
  input: AdjustStockInput;
}>;


export type AdjustStockMutation = { adjustStock: { variant: { id: string, stock: number, available: number } } };

export type UnpublishProductMutationVariables = Exact<{
  productId: string | number;
}>;


export type UnpublishProductMutation = { unpublishProduct: { id: string, status: ProductStatus } };

export type RefundQueueQueryVariables = Exact<{
  merchantId: string | number;
}>;


export type RefundQueueQuery = { merchantRefundRequests: Array<{ id: string, orderId: string, productName: string, quantity: number, reason: string, createdAt: string, amount: { amountMinor: number, currency: string } }> };

export type DecideRefundMutationVariables = Exact<{
  id: string | number;
  approve: boolean;
  reason?: string | null | undefined;
}>;


export type DecideRefundMutation = { decideRefundRequest: { id: string, status: RefundRequestStatus } };

export type SalesReportLicensesQueryVariables = Exact<{
  merchantId: string | number;
}>;


export type SalesReportLicensesQuery = { merchantLicenses: { edges: Array<{ node: { id: string, channels: Array<SalesChannel>, startsOn: string, endsOn: string, filmIp: { title: string, titleZh: string | null } } }> }, missingSalesReports: Array<{ licenseId: string, months: Array<string> }> };

export type LicenseSalesReportsQueryVariables = Exact<{
  merchantId: string | number;
  licenseId: string | number;
}>;


export type LicenseSalesReportsQuery = { salesReports: Array<{ id: string, month: string, status: SalesReportStatus, noSales: boolean, revision: number, disputeReason: string | null, totals: { gross: { amountMinor: number, currency: string }, royalty: { amountMinor: number, currency: string } } }>, merchantProducts: { edges: Array<{ node: { id: string, name: string, nameZh: string | null, status: ProductStatus } }> } };

export type SubmitReportMutationVariables = Exact<{
  input: SubmitSalesReportInput;
}>;


export type SubmitReportMutation = { submitSalesReport: { id: string, status: SalesReportStatus } };

export type MerchantSalesQueryVariables = Exact<{
  merchantId: string | number;
  from: string;
  to: string;
}>;


export type MerchantSalesQuery = { merchantSales: { payableBalance: { amountMinor: number, currency: string }, licenses: Array<{ licenseId: string, studioName: string, lineCount: number, gross: { amountMinor: number, currency: string }, refunded: { amountMinor: number, currency: string }, royalty: { amountMinor: number, currency: string }, platformFee: { amountMinor: number, currency: string }, merchantShare: { amountMinor: number, currency: string } }> } };

export type LicenseTitlesQueryVariables = Exact<{
  merchantId: string | number;
}>;


export type LicenseTitlesQuery = { merchantLicenses: { edges: Array<{ node: { id: string, filmIp: { title: string, titleZh: string | null } } }> } };

export type ChangeTimeSlotCapacityMutationVariables = Exact<{
  input: ChangeTimeSlotCapacityInput;
}>;


export type ChangeTimeSlotCapacityMutation = { changeTimeSlotCapacity: { id: string, capacity: number, remaining: number } };

export type SetTimeSlotStatusMutationVariables = Exact<{
  timeSlotId: string | number;
  status: TimeSlotStatus;
}>;


export type SetTimeSlotStatusMutation = { setTimeSlotStatus: { id: string, status: TimeSlotStatus } };

export type AddSlotMutationVariables = Exact<{
  input: AddTimeSlotInput;
}>;


export type AddSlotMutation = { addTimeSlot: { id: string } };

export type RedeemTicketMutationVariables = Exact<{
  code: string;
}>;


export type RedeemTicketMutation = { redeemTicket: { code: string, redeemedAt: string | null, timeSlotId: string, productName: string, productNameZh: string | null, ticketTypeName: string, ticketTypeNameZh: string | null, startsAt: string, endsAt: string } };

export type OrderDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderDetailQuery = { order: { id: string, status: OrderStatus, createdAt: string, expiresAt: string, paidAt: string | null, refundDue: boolean, total: { amountMinor: number, currency: string }, lines: Array<{ id: string, kind: OrderLineKind, productId: string, productName: string, productNameZh: string | null, quantity: number, slotStartsAt: string | null, fulfilment: string | null, fulfilledAt: string | null, unitPrice: { amountMinor: number, currency: string }, total: { amountMinor: number, currency: string }, refunded: { amountMinor: number, currency: string }, review: { id: string, rating: number } | null, shipment: { carrier: string, trackingNumber: string, shippedAt: string } | null }>, delivery: { method: DeliveryMethod, address: { recipient: string, phone: string, province: string, city: string, district: string, street: string, postalCode: string | null } | null, fee: { amountMinor: number, currency: string }, feeRefunded: { amountMinor: number, currency: string }, merchants: Array<{ merchantId: string, merchantName: string, pickupCode: string | null, pickupAddress: string | null, handedOverAt: string | null, feeRefunded: { amountMinor: number, currency: string } }> } | null, tickets: Array<{ code: string, qrPayload: string, redeemedAt: string | null, voidedAt: string | null, orderLineId: string, productName: string, productNameZh: string | null, ticketTypeName: string, ticketTypeNameZh: string | null, startsAt: string, endsAt: string, venue: { name: string, nameZh: string | null, address: string | null, addressZh: string | null, mapUrl: string } | null }>, refundRequests: Array<{ id: string, orderLineId: string, quantity: number, reason: string, status: RefundRequestStatus, automatic: boolean, decisionReason: string | null, amount: { amountMinor: number, currency: string } }> } };

export type RequestLineRefundMutationVariables = Exact<{
  orderLineId: string | number;
  quantity?: number | null | undefined;
  reason: string;
}>;


export type RequestLineRefundMutation = { requestRefund: { id: string, status: RefundRequestStatus } };

export type OrderCalendarQueryVariables = Exact<{
  orderId: string | number;
}>;


export type OrderCalendarQuery = { orderCalendar: string };

export type CancelOrderMutationVariables = Exact<{
  orderId: string | number;
}>;


export type CancelOrderMutation = { cancelOrder: { id: string, status: OrderStatus } };

export type MyOrdersQueryVariables = Exact<{ [key: string]: never; }>;


export type MyOrdersQuery = { myOrders: { edges: Array<{ node: { id: string, status: OrderStatus, createdAt: string, total: { amountMinor: number, currency: string }, lines: Array<{ id: string, productName: string, productNameZh: string | null, quantity: number }> } }> } };

export type ProductDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type ProductDetailQuery = { product: { id: string, kind: ProductKind, status: ProductStatus, category: ProductCategory, name: string, nameZh: string | null, description: string | null, descriptionZh: string | null, images: Array<string>, purchaseLimit: number | null, verificationCode: string | null, favourited: boolean, priceFrom: { amountMinor: number, currency: string } | null, filmIp: { id: string, title: string, titleZh: string | null }, merchant: { id: string, name: string, nameZh: string | null, logo: { id: string, thumbnailUrl: string } | null }, media: Array<{ id: string, url: string, cardUrl: string, thumbnailUrl: string, width: number, height: number, alt: string | null, altZh: string | null }>, variants: Array<{ id: string, sku: string, available: number, options: Array<{ name: string, nameZh: string | null, value: string, valueZh: string | null }>, price: { amountMinor: number, currency: string } }>, ticketTypes: Array<{ id: string, name: string, nameZh: string | null, price: { amountMinor: number, currency: string } }>, upcomingTimeSlots: Array<{ id: string, startsAt: string, endsAt: string, remaining: number, status: TimeSlotStatus }>, venue: { id: string, name: string, nameZh: string | null, address: string | null, addressZh: string | null, latitude: number, longitude: number, openingNotes: string | null, photos: Array<{ id: string, url: string, cardUrl: string, thumbnailUrl: string }> } | null, rating: { average: number | null, count: number }, reviews: { edges: Array<{ node: { id: string, rating: number, text: string | null, reply: string | null, createdAt: string } }> } } };

export type SearchProductsQueryVariables = Exact<{
  text?: string | null | undefined;
  filter?: ProductFilter | null | undefined;
  sort?: ProductSearchSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchProductsQuery = { searchProducts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, facets: { categories: Array<{ category: ProductCategory, count: number }>, filmIps: Array<{ count: number, filmIp: { id: string, title: string, titleZh: string | null } }> }, edges: Array<{ node: { id: string, kind: ProductKind, name: string, nameZh: string | null, category: ProductCategory, inStock: boolean, priceFrom: { amountMinor: number, currency: string } | null, filmIp: { id: string, title: string, titleZh: string | null }, merchant: { id: string, name: string, nameZh: string | null }, cover: { thumbnailUrl: string, cardUrl: string, alt: string | null, altZh: string | null } | null } }> } };

export type DesignQueueQueryVariables = Exact<{
  studioId: string | number;
}>;


export type DesignQueueQuery = { studioProducts: { edges: Array<{ node: { id: string, name: string, nameZh: string | null, category: ProductCategory, descriptionZh: string | null, description: string | null, filmIp: { title: string, titleZh: string | null }, merchant: { name: string, nameZh: string | null }, variants: Array<{ id: string, sku: string, price: { amountMinor: number, currency: string } }>, approvalRounds: Array<{ id: string, round: number, status: DesignRoundStatus, note: string | null, comments: string | null, submittedAt: string, decidedAt: string | null, artwork: Array<{ id: string, url: string, thumbnailUrl: string }> }> | null } }> } };

export type ApproveDesignMutationVariables = Exact<{
  productId: string | number;
}>;


export type ApproveDesignMutation = { approveProduct: { id: string, status: ProductStatus } };

export type RequestDesignChangesFromStudioMutationVariables = Exact<{
  productId: string | number;
  comments: string;
}>;


export type RequestDesignChangesFromStudioMutation = { requestDesignChanges: { id: string, status: ProductStatus } };

export type RejectDesignMutationVariables = Exact<{
  productId: string | number;
  comments: string;
}>;


export type RejectDesignMutation = { rejectProduct: { id: string, status: ProductStatus } };

export type StudioFilmIpsQueryVariables = Exact<{
  studioId: string | number;
}>;


export type StudioFilmIpsQuery = { filmIps: { totalCount: number, edges: Array<{ node: { id: string, title: string, titleZh: string | null, year: number | null, synopsis: string | null, keyArt: { id: string, thumbnailUrl: string } | null, characters: Array<{ name: string, nameZh: string | null }> } }> } };

export type CreateFilmIpMutationVariables = Exact<{
  input: CreateFilmIpInput;
}>;


export type CreateFilmIpMutation = { createFilmIp: { id: string } };

export type SetFilmIpKeyArtMutationVariables = Exact<{
  filmIpId: string | number;
  mediaId?: string | number | null | undefined;
}>;


export type SetFilmIpKeyArtMutation = { setFilmIpKeyArt: { id: string } };

export type IncomingApplicationsQueryVariables = Exact<{
  studioId: string | number;
  status?: LicenseApplicationStatus | null | undefined;
}>;


export type IncomingApplicationsQuery = { incomingLicenseApplications: { edges: Array<{ node: { id: string, status: LicenseApplicationStatus, pitch: string, createdAt: string, decisionReason: string | null, merchantId: string, merchant: { name: string, nameZh: string | null }, offer: { id: string, royaltyBps: number, filmIp: { title: string, titleZh: string | null } } } }> } };

export type ApproveApplicationMutationVariables = Exact<{
  id: string | number;
}>;


export type ApproveApplicationMutation = { approveLicenseApplication: { id: string, status: LicenseApplicationStatus } };

export type RejectApplicationMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type RejectApplicationMutation = { rejectLicenseApplication: { id: string, status: LicenseApplicationStatus } };

export type StudioLicensesQueryVariables = Exact<{
  studioId: string | number;
}>;


export type StudioLicensesQuery = { studioLicenses: { edges: Array<{ node: { id: string, status: LicenseStatus, statusReason: string | null, royaltyBps: number, startsOn: string, endsOn: string, merchantId: string, categories: Array<ProductCategory>, merchant: { name: string, nameZh: string | null }, filmIp: { title: string, titleZh: string | null } } }> } };

export type SuspendLicenseMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type SuspendLicenseMutation = { suspendLicense: { id: string, status: LicenseStatus } };

export type ResumeLicenseMutationVariables = Exact<{
  id: string | number;
}>;


export type ResumeLicenseMutation = { resumeLicense: { id: string, status: LicenseStatus } };

export type StudioOffersQueryVariables = Exact<{
  studioId: string | number;
}>;


export type StudioOffersQuery = { studioLicenseOffers: { edges: Array<{ node: { id: string, status: LicenseOfferStatus, royaltyBps: number, categories: Array<ProductCategory>, channels: Array<SalesChannel>, territory: string, startsOn: string, endsOn: string, advance: { currency: string } | null, minimumGuarantee: { currency: string } | null, filmIp: { id: string, title: string, titleZh: string | null } } }> } };

export type PublishOfferMutationVariables = Exact<{
  input: PublishLicenseOfferInput;
}>;


export type PublishOfferMutation = { publishLicenseOffer: { id: string } };

export type CloseOfferMutationVariables = Exact<{
  id: string | number;
}>;


export type CloseOfferMutation = { closeLicenseOffer: { id: string, status: LicenseOfferStatus } };

export type RoyaltyTotalsQueryVariables = Exact<{
  studioId: string | number;
  from: string;
  to: string;
}>;


export type RoyaltyTotalsQuery = { royaltyReport: { currency: string, totals: { lineCount: number, gross: { amountMinor: number, currency: string }, refunded: { amountMinor: number, currency: string }, royalty: { amountMinor: number, currency: string } } } };

export type RoyaltySeriesQueryVariables = Exact<{
  studioId: string | number;
  from: string;
  to: string;
  by: RoyaltySeriesBy;
}>;


export type RoyaltySeriesQuery = { royaltySeries: Array<{ month: string, key: string | null, label: string, gross: { amountMinor: number, currency: string }, royalty: { amountMinor: number, currency: string } }> };

export type RoyaltyLinesQueryVariables = Exact<{
  studioId: string | number;
  from: string;
  to: string;
  after?: string | null | undefined;
}>;


export type RoyaltyLinesQuery = { royaltyReportLines: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { orderLineId: string, paidAt: string, productName: string, productNameZh: string | null, merchantName: string, gross: { amountMinor: number, currency: string }, refunded: { amountMinor: number, currency: string }, royalty: { amountMinor: number, currency: string } } }> } };

export type RoyaltyStatementsQueryVariables = Exact<{
  studioId: string | number;
}>;


export type RoyaltyStatementsQuery = { royaltyStatements: Array<{ id: string, month: string, version: number, status: RoyaltyStatementStatus, lineCount: number, issuedAt: string | null, royalty: { amountMinor: number, currency: string }, periodRoyalty: { amountMinor: number, currency: string }, unstatedEarlier: { amountMinor: number, currency: string }, adjustments: { amountMinor: number, currency: string }, previouslyPaid: { amountMinor: number, currency: string }, amountDue: { amountMinor: number, currency: string } }> };

export type IssueStatementMutationVariables = Exact<{
  studioId: string | number;
  month: string;
}>;


export type IssueStatementMutation = { issueRoyaltyStatement: { id: string } };

export type ReissueStatementMutationVariables = Exact<{
  studioId: string | number;
  month: string;
}>;


export type ReissueStatementMutation = { reissueRoyaltyStatement: { id: string } };

export type StudioSalesReportQueueQueryVariables = Exact<{
  studioId: string | number;
}>;


export type StudioSalesReportQueueQuery = { studioSalesReports: Array<{ id: string, month: string, merchantName: string, merchantNameZh: string | null, noSales: boolean, revision: number, totals: { gross: { amountMinor: number, currency: string }, royalty: { amountMinor: number, currency: string } }, lines: Array<{ lineNo: number, productName: string, channel: SalesChannel, quantity: number, gross: { amountMinor: number, currency: string } }> }>, missingSalesReports: Array<{ licenseId: string, merchantName: string, merchantNameZh: string | null, months: Array<string> }> };

export type DecideReportMutationVariables = Exact<{
  id: string | number;
  accept: boolean;
  reason?: string | null | undefined;
}>;


export type DecideReportMutation = { decideSalesReport: { id: string, status: SalesReportStatus } };

export type VerifyEmailMutationVariables = Exact<{
  token: string;
}>;


export type VerifyEmailMutation = { verifyEmail: { accessToken: string, refreshToken: string } };

export type VerifyProductQueryVariables = Exact<{
  code: string;
}>;


export type VerifyProductQuery = { verifyProduct: { licenseStatus: LicenseStatus, validUntil: string, product: { id: string, name: string, nameZh: string | null }, filmIp: { title: string, titleZh: string | null }, studio: { name: string, nameZh: string | null }, merchant: { name: string, nameZh: string | null } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ResendVerificationEmailDocument = new TypedDocumentString(`
    mutation ResendVerificationEmail {
  resendVerificationEmail
}
    `) as unknown as TypedDocumentString<ResendVerificationEmailMutation, ResendVerificationEmailMutationVariables>;
export const BrandAssetListDocument = new TypedDocumentString(`
    query BrandAssetList($filmIpId: ID!) {
  brandAssets(filmIpId: $filmIpId) {
    id
    title
    contentType
    url
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<BrandAssetListQuery, BrandAssetListQueryVariables>;
export const AddBrandAssetFromStudioDocument = new TypedDocumentString(`
    mutation AddBrandAssetFromStudio($input: AddBrandAssetInput!) {
  addBrandAsset(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddBrandAssetFromStudioMutation, AddBrandAssetFromStudioMutationVariables>;
export const DeliveryOptionsOfDocument = new TypedDocumentString(`
    query DeliveryOptionsOf($merchantIds: [ID!]!) {
  deliveryOptions(merchantIds: $merchantIds) {
    merchantId
    pickup
    ship
    shippingFee {
      amountMinor
      currency
    }
    freeShippingFrom {
      amountMinor
      currency
    }
  }
}
    `) as unknown as TypedDocumentString<DeliveryOptionsOfQuery, DeliveryOptionsOfQueryVariables>;
export const MyAddressesDocument = new TypedDocumentString(`
    query MyAddresses {
  myAddresses {
    id
    recipient
    phone
    province
    city
    district
    street
    postalCode
  }
}
    `) as unknown as TypedDocumentString<MyAddressesQuery, MyAddressesQueryVariables>;
export const SubmitRoundDocument = new TypedDocumentString(`
    mutation SubmitRound($productId: ID!, $artworkMediaIds: [ID!]!, $note: String) {
  submitDesignRound(
    input: {productId: $productId, artworkMediaIds: $artworkMediaIds, note: $note}
  ) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<SubmitRoundMutation, SubmitRoundMutationVariables>;
export const PaymentSettingsDocument = new TypedDocumentString(`
    query PaymentSettings {
  paymentSettings {
    provider
    stripePublishableKey
  }
}
    `) as unknown as TypedDocumentString<PaymentSettingsQuery, PaymentSettingsQueryVariables>;
export const DevConfirmDocument = new TypedDocumentString(`
    mutation DevConfirm($orderId: ID!) {
  devConfirmPayment(orderId: $orderId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<DevConfirmMutation, DevConfirmMutationVariables>;
export const OrganizationLogoOfDocument = new TypedDocumentString(`
    query OrganizationLogoOf($id: ID!) {
  organization(id: $id) {
    id
    logo {
      id
      thumbnailUrl
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationLogoOfQuery, OrganizationLogoOfQueryVariables>;
export const SetOrganizationLogoDocument = new TypedDocumentString(`
    mutation SetOrganizationLogo($organizationId: ID!, $mediaId: ID) {
  setOrganizationLogo(organizationId: $organizationId, mediaId: $mediaId) {
    id
  }
}
    `) as unknown as TypedDocumentString<SetOrganizationLogoMutation, SetOrganizationLogoMutationVariables>;
export const CreateOrganizationDocument = new TypedDocumentString(`
    mutation CreateOrganization($input: CreateOrganizationInput!) {
  createOrganization(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateOrganizationMutation, CreateOrganizationMutationVariables>;
export const ProductRatingsDocument = new TypedDocumentString(`
    query ProductRatings($productIds: [ID!]!) {
  productRatings(productIds: $productIds) {
    productId
    rating {
      average
      count
    }
  }
}
    `) as unknown as TypedDocumentString<ProductRatingsQuery, ProductRatingsQueryVariables>;
export const ReviewLineDocument = new TypedDocumentString(`
    mutation ReviewLine($orderLineId: ID!, $rating: Int!, $text: String) {
  reviewOrderLine(
    input: {orderLineId: $orderLineId, rating: $rating, text: $text}
  ) {
    id
    rating
  }
}
    `) as unknown as TypedDocumentString<ReviewLineMutation, ReviewLineMutationVariables>;
export const SetFavouriteDocument = new TypedDocumentString(`
    mutation SetFavourite($productId: ID!, $favourite: Boolean!) {
  setFavourite(productId: $productId, favourite: $favourite)
}
    `) as unknown as TypedDocumentString<SetFavouriteMutation, SetFavouriteMutationVariables>;
export const VenuePhotosOfDocument = new TypedDocumentString(`
    query VenuePhotosOf($id: ID!) {
  venue(id: $id) {
    id
    photos {
      id
      thumbnailUrl
    }
  }
}
    `) as unknown as TypedDocumentString<VenuePhotosOfQuery, VenuePhotosOfQueryVariables>;
export const SetVenuePhotosDocument = new TypedDocumentString(`
    mutation SetVenuePhotos($venueId: ID!, $mediaIds: [ID!]!) {
  setVenuePhotos(venueId: $venueId, mediaIds: $mediaIds) {
    id
  }
}
    `) as unknown as TypedDocumentString<SetVenuePhotosMutation, SetVenuePhotosMutationVariables>;
export const RefreshSessionDocument = new TypedDocumentString(`
    mutation RefreshSession($refreshToken: String!) {
  refreshToken(refreshToken: $refreshToken) {
    accessToken
    refreshToken
  }
}
    `) as unknown as TypedDocumentString<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const FilmIpTitlesDocument = new TypedDocumentString(`
    query FilmIpTitles {
  filmIps(first: 100) {
    edges {
      node {
        id
        title
        titleZh
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FilmIpTitlesQuery, FilmIpTitlesQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    email
    displayName
    emailVerified
    memberships {
      role
      organization {
        id
        kind
        name
        nameZh
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const AcceptInvitationDocument = new TypedDocumentString(`
    mutation AcceptInvitation($token: String!) {
  acceptInvitation(token: $token) {
    role
    organization {
      id
      kind
      name
      nameZh
    }
  }
}
    `) as unknown as TypedDocumentString<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const LogInDocument = new TypedDocumentString(`
    mutation LogIn($input: LogInInput!) {
  logIn(input: $input) {
    accessToken
    refreshToken
  }
}
    `) as unknown as TypedDocumentString<LogInMutation, LogInMutationVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    accessToken
    refreshToken
  }
}
    `) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const CheckoutDocument = new TypedDocumentString(`
    mutation Checkout($input: CheckoutInput!) {
  checkout(input: $input) {
    order {
      id
      status
    }
    payment {
      provider
      clientSecret
    }
  }
}
    `) as unknown as TypedDocumentString<CheckoutMutation, CheckoutMutationVariables>;
export const MyFavouritesDocument = new TypedDocumentString(`
    query MyFavourites {
  myFavourites {
    id
    kind
    name
    nameZh
    priceFrom {
      amountMinor
      currency
    }
    merchant {
      id
      name
      nameZh
    }
    rating {
      average
      count
    }
  }
}
    `) as unknown as TypedDocumentString<MyFavouritesQuery, MyFavouritesQueryVariables>;
export const FilmDetailDocument = new TypedDocumentString(`
    query FilmDetail($id: ID!) {
  filmIp(id: $id) {
    id
    title
    titleZh
    year
    synopsis
    synopsisZh
    artworkUrls
    keyArt {
      url
      cardUrl
      width
      height
    }
    studio {
      id
      name
      nameZh
      logo {
        id
        thumbnailUrl
      }
    }
    filmingLocations {
      id
      nameEn
      nameZh
      mapUrl
    }
  }
}
    `) as unknown as TypedDocumentString<FilmDetailQuery, FilmDetailQueryVariables>;
export const FilmIpsDocument = new TypedDocumentString(`
    query FilmIps {
  filmIps(first: 24) {
    totalCount
    edges {
      node {
        id
        title
        titleZh
        year
        synopsis
        synopsisZh
        filmingLocations {
          id
          nameEn
          nameZh
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FilmIpsQuery, FilmIpsQueryVariables>;
export const MerchantApplicationsDocument = new TypedDocumentString(`
    query MerchantApplications($merchantId: ID!) {
  merchantLicenseApplications(merchantId: $merchantId, first: 50) {
    edges {
      node {
        id
        status
        pitch
        createdAt
        decisionReason
        offer {
          id
          royaltyBps
          filmIp {
            title
            titleZh
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MerchantApplicationsQuery, MerchantApplicationsQueryVariables>;
export const WithdrawApplicationDocument = new TypedDocumentString(`
    mutation WithdrawApplication($id: ID!) {
  withdrawLicenseApplication(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<WithdrawApplicationMutation, WithdrawApplicationMutationVariables>;
export const DeliveryOptionsOfMerchantDocument = new TypedDocumentString(`
    query DeliveryOptionsOfMerchant($merchantIds: [ID!]!) {
  deliveryOptions(merchantIds: $merchantIds) {
    merchantId
    pickup
    ship
    shippingFee {
      amountMinor
      currency
    }
    freeShippingFrom {
      amountMinor
      currency
    }
    pickupAddress
  }
}
    `) as unknown as TypedDocumentString<DeliveryOptionsOfMerchantQuery, DeliveryOptionsOfMerchantQueryVariables>;
export const SetMerchantDeliveryOptionsDocument = new TypedDocumentString(`
    mutation SetMerchantDeliveryOptions($input: SetDeliveryOptionsInput!) {
  setDeliveryOptions(input: $input) {
    merchantId
    pickup
    ship
  }
}
    `) as unknown as TypedDocumentString<SetMerchantDeliveryOptionsMutation, SetMerchantDeliveryOptionsMutationVariables>;
export const MerchantVenueChoicesDocument = new TypedDocumentString(`
    query MerchantVenueChoices($merchantId: ID!) {
  merchantVenues(merchantId: $merchantId, first: 100) {
    edges {
      node {
        id
        name
        nameZh
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MerchantVenueChoicesQuery, MerchantVenueChoicesQueryVariables>;
export const CreateMerchantVenueDocument = new TypedDocumentString(`
    mutation CreateMerchantVenue($input: CreateVenueInput!) {
  createVenue(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateMerchantVenueMutation, CreateMerchantVenueMutationVariables>;
export const CreateMerchantExperienceDocument = new TypedDocumentString(`
    mutation CreateMerchantExperience($input: CreateExperienceInput!) {
  createExperience(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateMerchantExperienceMutation, CreateMerchantExperienceMutationVariables>;
export const AddWeeklySlotsDocument = new TypedDocumentString(`
    mutation AddWeeklySlots($input: AddWeeklyTimeSlotsInput!) {
  addWeeklyTimeSlots(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddWeeklySlotsMutation, AddWeeklySlotsMutationVariables>;
export const MerchantLicensesDocument = new TypedDocumentString(`
    query MerchantLicenses($merchantId: ID!) {
  merchantLicenses(merchantId: $merchantId, first: 50) {
    edges {
      node {
        id
        status
        statusReason
        royaltyBps
        categories
        channels
        territory
        startsOn
        endsOn
        filmIp {
          id
          title
          titleZh
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MerchantLicensesQuery, MerchantLicensesQueryVariables>;
export const CreateMerchandiseDocument = new TypedDocumentString(`
    mutation CreateMerchandise($input: CreateMerchandiseInput!) {
  createMerchandise(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CreateMerchandiseMutation, CreateMerchandiseMutationVariables>;
export const OpenOffersDocument = new TypedDocumentString(`
    query OpenOffers($first: Int) {
  licenseOffers(first: $first) {
    totalCount
    edges {
      node {
        id
        royaltyBps
        categories
        channels
        territory
        startsOn
        endsOn
        advance {
          amountMinor
          currency
        }
        minimumGuarantee {
          amountMinor
          currency
        }
        filmIp {
          id
          title
          titleZh
          year
          synopsis
        }
        studio {
          id
          name
          nameZh
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OpenOffersQuery, OpenOffersQueryVariables>;
export const OfferStandingsDocument = new TypedDocumentString(`
    query OfferStandings($merchantId: ID!) {
  merchantOfferStandings(merchantId: $merchantId) {
    offerId
    standing
  }
}
    `) as unknown as TypedDocumentString<OfferStandingsQuery, OfferStandingsQueryVariables>;
export const ApplyForLicenseDocument = new TypedDocumentString(`
    mutation ApplyForLicense($input: ApplyForLicenseInput!) {
  applyForLicense(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ApplyForLicenseMutation, ApplyForLicenseMutationVariables>;
export const MerchantOrdersDocument = new TypedDocumentString(`
    query MerchantOrders($merchantId: ID!, $status: OrderStatus) {
  merchantOrders(merchantId: $merchantId, status: $status, first: 20) {
    totalCount
    edges {
      node {
        id
        status
        createdAt
        paidAt
        total {
          amountMinor
          currency
        }
        lines {
          id
          kind
          productName
          productNameZh
          quantity
          slotStartsAt
          fulfilment
          fulfilledAt
          total {
            amountMinor
            currency
          }
          refunded {
            amountMinor
            currency
          }
        }
        tickets {
          code
          orderLineId
          redeemedAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MerchantOrdersQuery, MerchantOrdersQueryVariables>;
export const MerchantOrderDeliveriesDocument = new TypedDocumentString(`
    query MerchantOrderDeliveries($merchantId: ID!, $status: OrderStatus) {
  merchantOrders(merchantId: $merchantId, status: $status, first: 20) {
    edges {
      node {
        id
        delivery {
          method
          address {
            recipient
            phone
            province
            city
            district
            street
            postalCode
          }
          fee {
            amountMinor
          }
        }
        lines {
          id
          shipment {
            carrier
            trackingNumber
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MerchantOrderDeliveriesQuery, MerchantOrderDeliveriesQueryVariables>;
export const FulfilOrderLineDocument = new TypedDocumentString(`
    mutation FulfilOrderLine($orderLineId: ID!, $fulfilment: MerchandiseFulfilment!) {
  fulfilOrderLine(orderLineId: $orderLineId, fulfilment: $fulfilment) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<FulfilOrderLineMutation, FulfilOrderLineMutationVariables>;
export const ShipLinesDocument = new TypedDocumentString(`
    mutation ShipLines($input: ShipOrderLinesInput!) {
  shipOrderLines(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ShipLinesMutation, ShipLinesMutationVariables>;
export const HandOverPickupDocument = new TypedDocumentString(`
    mutation HandOverPickup($code: String!) {
  handOverPickup(code: $code) {
    id
    status
    lines {
      productName
      productNameZh
      quantity
    }
  }
}
    `) as unknown as TypedDocumentString<HandOverPickupMutation, HandOverPickupMutationVariables>;
export const RefundOrderLineFromConsoleDocument = new TypedDocumentString(`
    mutation RefundOrderLineFromConsole($orderLineId: ID!) {
  refundOrderLine(orderLineId: $orderLineId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RefundOrderLineFromConsoleMutation, RefundOrderLineFromConsoleMutationVariables>;
export const ActiveLicensesDocument = new TypedDocumentString(`
    query ActiveLicenses($merchantId: ID!) {
  merchantLicenses(merchantId: $merchantId, status: ACTIVE, first: 50) {
    edges {
      node {
        id
        categories
        filmIp {
          title
          titleZh
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ActiveLicensesQuery, ActiveLicensesQueryVariables>;
export const SetMerchantProductMediaDocument = new TypedDocumentString(`
    mutation SetMerchantProductMedia($productId: ID!, $mediaIds: [ID!]!, $alt: [ProductMediaAltInput!]) {
  setProductMedia(productId: $productId, mediaIds: $mediaIds, alt: $alt) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<SetMerchantProductMediaMutation, SetMerchantProductMediaMutationVariables>;
export const MerchantProductsDocument = new TypedDocumentString(`
    query MerchantProducts($merchantId: ID!, $filter: MerchantProductFilter, $first: Int, $after: String) {
  merchantProducts(
    merchantId: $merchantId
    filter: $filter
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        kind
        status
        statusReason
        name
        nameZh
        category
        verificationCode
        filmIp {
          title
          titleZh
        }
        approvalRounds {
          id
          round
          status
          note
          comments
          submittedAt
          decidedAt
          artwork {
            id
            url
            thumbnailUrl
          }
        }
        media {
          id
          thumbnailUrl
          alt
          altZh
        }
        variants {
          id
          sku
          available
          stock
          options {
            name
            nameZh
            value
            valueZh
          }
          price {
            amountMinor
            currency
          }
        }
        upcomingTimeSlots {
          id
          startsAt
          capacity
          sold
          reserved
          remaining
          status
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MerchantProductsQuery, MerchantProductsQueryVariables>;
export const SubmitProductDocument = new TypedDocumentString(`
    mutation SubmitProduct($productId: ID!) {
  submitProductForApproval(productId: $productId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<SubmitProductMutation, SubmitProductMutationVariables>;
export const PublishProductDocument = new TypedDocumentString(`
    mutation PublishProduct($productId: ID!) {
  publishProduct(productId: $productId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<PublishProductMutation, PublishProductMutationVariables>;
export const AdjustStockDocument = new TypedDocumentString(`
    mutation AdjustStock($input: AdjustStockInput!) {
  adjustStock(input: $input) {
    variant {
      id
      stock
      available
    }
  }
}
    `) as unknown as TypedDocumentString<AdjustStockMutation, AdjustStockMutationVariables>;
export const UnpublishProductDocument = new TypedDocumentString(`
    mutation UnpublishProduct($productId: ID!) {
  unpublishProduct(productId: $productId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<UnpublishProductMutation, UnpublishProductMutationVariables>;
export const RefundQueueDocument = new TypedDocumentString(`
    query RefundQueue($merchantId: ID!) {
  merchantRefundRequests(merchantId: $merchantId, status: REQUESTED) {
    id
    orderId
    productName
    quantity
    reason
    createdAt
    amount {
      amountMinor
      currency
    }
  }
}
    `) as unknown as TypedDocumentString<RefundQueueQuery, RefundQueueQueryVariables>;
export const DecideRefundDocument = new TypedDocumentString(`
    mutation DecideRefund($id: ID!, $approve: Boolean!, $reason: String) {
  decideRefundRequest(input: {id: $id, approve: $approve, reason: $reason}) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<DecideRefundMutation, DecideRefundMutationVariables>;
export const SalesReportLicensesDocument = new TypedDocumentString(`
    query SalesReportLicenses($merchantId: ID!) {
  merchantLicenses(merchantId: $merchantId, first: 50) {
    edges {
      node {
        id
        channels
        startsOn
        endsOn
        filmIp {
          title
          titleZh
        }
      }
    }
  }
  missingSalesReports(organizationId: $merchantId) {
    licenseId
    months
  }
}
    `) as unknown as TypedDocumentString<SalesReportLicensesQuery, SalesReportLicensesQueryVariables>;
export const LicenseSalesReportsDocument = new TypedDocumentString(`
    query LicenseSalesReports($merchantId: ID!, $licenseId: ID!) {
  salesReports(licenseId: $licenseId) {
    id
    month
    status
    noSales
    revision
    disputeReason
    totals {
      gross {
        amountMinor
        currency
      }
      royalty {
        amountMinor
        currency
      }
    }
  }
  merchantProducts(
    merchantId: $merchantId
    filter: {licenseId: $licenseId}
    first: 100
  ) {
    edges {
      node {
        id
        name
        nameZh
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LicenseSalesReportsQuery, LicenseSalesReportsQueryVariables>;
export const SubmitReportDocument = new TypedDocumentString(`
    mutation SubmitReport($input: SubmitSalesReportInput!) {
  submitSalesReport(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<SubmitReportMutation, SubmitReportMutationVariables>;
export const MerchantSalesDocument = new TypedDocumentString(`
    query MerchantSales($merchantId: ID!, $from: Date!, $to: Date!) {
  merchantSales(merchantId: $merchantId, from: $from, to: $to) {
    payableBalance {
      amountMinor
      currency
    }
    licenses {
      licenseId
      studioName
      lineCount
      gross {
        amountMinor
        currency
      }
      refunded {
        amountMinor
        currency
      }
      royalty {
        amountMinor
        currency
      }
      platformFee {
        amountMinor
        currency
      }
      merchantShare {
        amountMinor
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MerchantSalesQuery, MerchantSalesQueryVariables>;
export const LicenseTitlesDocument = new TypedDocumentString(`
    query LicenseTitles($merchantId: ID!) {
  merchantLicenses(merchantId: $merchantId, first: 50) {
    edges {
      node {
        id
        filmIp {
          title
          titleZh
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LicenseTitlesQuery, LicenseTitlesQueryVariables>;
export const ChangeTimeSlotCapacityDocument = new TypedDocumentString(`
    mutation ChangeTimeSlotCapacity($input: ChangeTimeSlotCapacityInput!) {
  changeTimeSlotCapacity(input: $input) {
    id
    capacity
    remaining
  }
}
    `) as unknown as TypedDocumentString<ChangeTimeSlotCapacityMutation, ChangeTimeSlotCapacityMutationVariables>;
export const SetTimeSlotStatusDocument = new TypedDocumentString(`
    mutation SetTimeSlotStatus($timeSlotId: ID!, $status: TimeSlotStatus!) {
  setTimeSlotStatus(timeSlotId: $timeSlotId, status: $status) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<SetTimeSlotStatusMutation, SetTimeSlotStatusMutationVariables>;
export const AddSlotDocument = new TypedDocumentString(`
    mutation AddSlot($input: AddTimeSlotInput!) {
  addTimeSlot(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddSlotMutation, AddSlotMutationVariables>;
export const RedeemTicketDocument = new TypedDocumentString(`
    mutation RedeemTicket($code: String!) {
  redeemTicket(code: $code) {
    code
    redeemedAt
    timeSlotId
    productName
    productNameZh
    ticketTypeName
    ticketTypeNameZh
    startsAt
    endsAt
  }
}
    `) as unknown as TypedDocumentString<RedeemTicketMutation, RedeemTicketMutationVariables>;
export const OrderDetailDocument = new TypedDocumentString(`
    query OrderDetail($id: ID!) {
  order(id: $id) {
    id
    status
    createdAt
    expiresAt
    paidAt
    refundDue
    total {
      amountMinor
      currency
    }
    lines {
      id
      kind
      productId
      productName
      productNameZh
      quantity
      slotStartsAt
      fulfilment
      fulfilledAt
      unitPrice {
        amountMinor
        currency
      }
      total {
        amountMinor
        currency
      }
      refunded {
        amountMinor
        currency
      }
      review {
        id
        rating
      }
      shipment {
        carrier
        trackingNumber
        shippedAt
      }
    }
    delivery {
      method
      address {
        recipient
        phone
        province
        city
        district
        street
        postalCode
      }
      fee {
        amountMinor
        currency
      }
      feeRefunded {
        amountMinor
        currency
      }
      merchants {
        merchantId
        merchantName
        feeRefunded {
          amountMinor
          currency
        }
        pickupCode
        pickupAddress
        handedOverAt
      }
    }
    tickets {
      code
      qrPayload
      redeemedAt
      voidedAt
      orderLineId
      productName
      productNameZh
      ticketTypeName
      ticketTypeNameZh
      startsAt
      endsAt
      venue {
        name
        nameZh
        address
        addressZh
        mapUrl
      }
    }
    refundRequests {
      id
      orderLineId
      quantity
      reason
      status
      automatic
      decisionReason
      amount {
        amountMinor
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrderDetailQuery, OrderDetailQueryVariables>;
export const RequestLineRefundDocument = new TypedDocumentString(`
    mutation RequestLineRefund($orderLineId: ID!, $quantity: Int, $reason: String!) {
  requestRefund(
    input: {orderLineId: $orderLineId, quantity: $quantity, reason: $reason}
  ) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RequestLineRefundMutation, RequestLineRefundMutationVariables>;
export const OrderCalendarDocument = new TypedDocumentString(`
    query OrderCalendar($orderId: ID!) {
  orderCalendar(orderId: $orderId)
}
    `) as unknown as TypedDocumentString<OrderCalendarQuery, OrderCalendarQueryVariables>;
export const CancelOrderDocument = new TypedDocumentString(`
    mutation CancelOrder($orderId: ID!) {
  cancelOrder(orderId: $orderId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CancelOrderMutation, CancelOrderMutationVariables>;
export const MyOrdersDocument = new TypedDocumentString(`
    query MyOrders {
  myOrders(first: 20) {
    edges {
      node {
        id
        status
        createdAt
        total {
          amountMinor
          currency
        }
        lines {
          id
          productName
          productNameZh
          quantity
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyOrdersQuery, MyOrdersQueryVariables>;
export const ProductDetailDocument = new TypedDocumentString(`
    query ProductDetail($id: ID!) {
  product(id: $id) {
    id
    kind
    status
    category
    name
    nameZh
    description
    descriptionZh
    images
    purchaseLimit
    verificationCode
    priceFrom {
      amountMinor
      currency
    }
    filmIp {
      id
      title
      titleZh
    }
    merchant {
      id
      name
      nameZh
      logo {
        id
        thumbnailUrl
      }
    }
    media {
      id
      url
      cardUrl
      thumbnailUrl
      width
      height
      alt
      altZh
    }
    variants {
      id
      sku
      available
      options {
        name
        nameZh
        value
        valueZh
      }
      price {
        amountMinor
        currency
      }
    }
    ticketTypes {
      id
      name
      nameZh
      price {
        amountMinor
        currency
      }
    }
    upcomingTimeSlots {
      id
      startsAt
      endsAt
      remaining
      status
    }
    venue {
      id
      name
      nameZh
      address
      addressZh
      latitude
      longitude
      openingNotes
      photos {
        id
        url
        cardUrl
        thumbnailUrl
      }
    }
    favourited
    rating {
      average
      count
    }
    reviews(first: 20) {
      edges {
        node {
          id
          rating
          text
          reply
          createdAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProductDetailQuery, ProductDetailQueryVariables>;
export const SearchProductsDocument = new TypedDocumentString(`
    query SearchProducts($text: String, $filter: ProductFilter, $sort: ProductSearchSort, $first: Int, $after: String) {
  searchProducts(
    text: $text
    filter: $filter
    sort: $sort
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    facets {
      categories {
        category
        count
      }
      filmIps {
        count
        filmIp {
          id
          title
          titleZh
        }
      }
    }
    edges {
      node {
        id
        kind
        name
        nameZh
        category
        inStock
        priceFrom {
          amountMinor
          currency
        }
        filmIp {
          id
          title
          titleZh
        }
        merchant {
          id
          name
          nameZh
        }
        cover {
          thumbnailUrl
          cardUrl
          alt
          altZh
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchProductsQuery, SearchProductsQueryVariables>;
export const DesignQueueDocument = new TypedDocumentString(`
    query DesignQueue($studioId: ID!) {
  studioProducts(studioId: $studioId, status: PENDING_APPROVAL, first: 20) {
    edges {
      node {
        id
        name
        nameZh
        category
        descriptionZh
        description
        filmIp {
          title
          titleZh
        }
        merchant {
          name
          nameZh
        }
        variants {
          id
          sku
          price {
            amountMinor
            currency
          }
        }
        approvalRounds {
          id
          round
          status
          note
          comments
          submittedAt
          decidedAt
          artwork {
            id
            url
            thumbnailUrl
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DesignQueueQuery, DesignQueueQueryVariables>;
export const ApproveDesignDocument = new TypedDocumentString(`
    mutation ApproveDesign($productId: ID!) {
  approveProduct(productId: $productId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ApproveDesignMutation, ApproveDesignMutationVariables>;
export const RequestDesignChangesFromStudioDocument = new TypedDocumentString(`
    mutation RequestDesignChangesFromStudio($productId: ID!, $comments: String!) {
  requestDesignChanges(productId: $productId, comments: $comments) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RequestDesignChangesFromStudioMutation, RequestDesignChangesFromStudioMutationVariables>;
export const RejectDesignDocument = new TypedDocumentString(`
    mutation RejectDesign($productId: ID!, $comments: String!) {
  rejectProduct(productId: $productId, comments: $comments) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RejectDesignMutation, RejectDesignMutationVariables>;
export const StudioFilmIpsDocument = new TypedDocumentString(`
    query StudioFilmIps($studioId: ID!) {
  filmIps(studioId: $studioId, first: 50) {
    totalCount
    edges {
      node {
        id
        title
        titleZh
        year
        synopsis
        keyArt {
          id
          thumbnailUrl
        }
        characters {
          name
          nameZh
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StudioFilmIpsQuery, StudioFilmIpsQueryVariables>;
export const CreateFilmIpDocument = new TypedDocumentString(`
    mutation CreateFilmIp($input: CreateFilmIpInput!) {
  createFilmIp(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateFilmIpMutation, CreateFilmIpMutationVariables>;
export const SetFilmIpKeyArtDocument = new TypedDocumentString(`
    mutation SetFilmIpKeyArt($filmIpId: ID!, $mediaId: ID) {
  setFilmIpKeyArt(filmIpId: $filmIpId, mediaId: $mediaId) {
    id
  }
}
    `) as unknown as TypedDocumentString<SetFilmIpKeyArtMutation, SetFilmIpKeyArtMutationVariables>;
export const IncomingApplicationsDocument = new TypedDocumentString(`
    query IncomingApplications($studioId: ID!, $status: LicenseApplicationStatus) {
  incomingLicenseApplications(studioId: $studioId, status: $status, first: 50) {
    edges {
      node {
        id
        status
        pitch
        createdAt
        decisionReason
        merchantId
        merchant {
          name
          nameZh
        }
        offer {
          id
          royaltyBps
          filmIp {
            title
            titleZh
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<IncomingApplicationsQuery, IncomingApplicationsQueryVariables>;
export const ApproveApplicationDocument = new TypedDocumentString(`
    mutation ApproveApplication($id: ID!) {
  approveLicenseApplication(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ApproveApplicationMutation, ApproveApplicationMutationVariables>;
export const RejectApplicationDocument = new TypedDocumentString(`
    mutation RejectApplication($id: ID!, $reason: String!) {
  rejectLicenseApplication(id: $id, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RejectApplicationMutation, RejectApplicationMutationVariables>;
export const StudioLicensesDocument = new TypedDocumentString(`
    query StudioLicenses($studioId: ID!) {
  studioLicenses(studioId: $studioId, first: 50) {
    edges {
      node {
        id
        status
        statusReason
        royaltyBps
        startsOn
        endsOn
        merchantId
        merchant {
          name
          nameZh
        }
        categories
        filmIp {
          title
          titleZh
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StudioLicensesQuery, StudioLicensesQueryVariables>;
export const SuspendLicenseDocument = new TypedDocumentString(`
    mutation SuspendLicense($id: ID!, $reason: String!) {
  suspendLicense(id: $id, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<SuspendLicenseMutation, SuspendLicenseMutationVariables>;
export const ResumeLicenseDocument = new TypedDocumentString(`
    mutation ResumeLicense($id: ID!) {
  resumeLicense(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ResumeLicenseMutation, ResumeLicenseMutationVariables>;
export const StudioOffersDocument = new TypedDocumentString(`
    query StudioOffers($studioId: ID!) {
  studioLicenseOffers(studioId: $studioId, first: 50) {
    edges {
      node {
        id
        status
        royaltyBps
        categories
        channels
        territory
        startsOn
        endsOn
        advance {
          currency
        }
        minimumGuarantee {
          currency
        }
        filmIp {
          id
          title
          titleZh
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StudioOffersQuery, StudioOffersQueryVariables>;
export const PublishOfferDocument = new TypedDocumentString(`
    mutation PublishOffer($input: PublishLicenseOfferInput!) {
  publishLicenseOffer(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<PublishOfferMutation, PublishOfferMutationVariables>;
export const CloseOfferDocument = new TypedDocumentString(`
    mutation CloseOffer($id: ID!) {
  closeLicenseOffer(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CloseOfferMutation, CloseOfferMutationVariables>;
export const RoyaltyTotalsDocument = new TypedDocumentString(`
    query RoyaltyTotals($studioId: ID!, $from: Date!, $to: Date!) {
  royaltyReport(studioId: $studioId, from: $from, to: $to) {
    currency
    totals {
      lineCount
      gross {
        amountMinor
        currency
      }
      refunded {
        amountMinor
        currency
      }
      royalty {
        amountMinor
        currency
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RoyaltyTotalsQuery, RoyaltyTotalsQueryVariables>;
export const RoyaltySeriesDocument = new TypedDocumentString(`
    query RoyaltySeries($studioId: ID!, $from: Date!, $to: Date!, $by: RoyaltySeriesBy!) {
  royaltySeries(studioId: $studioId, from: $from, to: $to, by: $by) {
    month
    key
    label
    gross {
      amountMinor
      currency
    }
    royalty {
      amountMinor
      currency
    }
  }
}
    `) as unknown as TypedDocumentString<RoyaltySeriesQuery, RoyaltySeriesQueryVariables>;
export const RoyaltyLinesDocument = new TypedDocumentString(`
    query RoyaltyLines($studioId: ID!, $from: Date!, $to: Date!, $after: String) {
  royaltyReportLines(
    studioId: $studioId
    from: $from
    to: $to
    first: 10
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        orderLineId
        paidAt
        productName
        productNameZh
        merchantName
        gross {
          amountMinor
          currency
        }
        refunded {
          amountMinor
          currency
        }
        royalty {
          amountMinor
          currency
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RoyaltyLinesQuery, RoyaltyLinesQueryVariables>;
export const RoyaltyStatementsDocument = new TypedDocumentString(`
    query RoyaltyStatements($studioId: ID!) {
  royaltyStatements(studioId: $studioId) {
    id
    month
    version
    status
    lineCount
    issuedAt
    royalty {
      amountMinor
      currency
    }
    periodRoyalty {
      amountMinor
      currency
    }
    unstatedEarlier {
      amountMinor
      currency
    }
    adjustments {
      amountMinor
      currency
    }
    previouslyPaid {
      amountMinor
      currency
    }
    amountDue {
      amountMinor
      currency
    }
  }
}
    `) as unknown as TypedDocumentString<RoyaltyStatementsQuery, RoyaltyStatementsQueryVariables>;
export const IssueStatementDocument = new TypedDocumentString(`
    mutation IssueStatement($studioId: ID!, $month: String!) {
  issueRoyaltyStatement(studioId: $studioId, month: $month) {
    id
  }
}
    `) as unknown as TypedDocumentString<IssueStatementMutation, IssueStatementMutationVariables>;
export const ReissueStatementDocument = new TypedDocumentString(`
    mutation ReissueStatement($studioId: ID!, $month: String!) {
  reissueRoyaltyStatement(studioId: $studioId, month: $month) {
    id
  }
}
    `) as unknown as TypedDocumentString<ReissueStatementMutation, ReissueStatementMutationVariables>;
export const StudioSalesReportQueueDocument = new TypedDocumentString(`
    query StudioSalesReportQueue($studioId: ID!) {
  studioSalesReports(studioId: $studioId, status: SUBMITTED) {
    id
    month
    merchantName
    merchantNameZh
    noSales
    revision
    totals {
      gross {
        amountMinor
        currency
      }
      royalty {
        amountMinor
        currency
      }
    }
    lines {
      lineNo
      productName
      channel
      quantity
      gross {
        amountMinor
        currency
      }
    }
  }
  missingSalesReports(organizationId: $studioId) {
    licenseId
    merchantName
    merchantNameZh
    months
  }
}
    `) as unknown as TypedDocumentString<StudioSalesReportQueueQuery, StudioSalesReportQueueQueryVariables>;
export const DecideReportDocument = new TypedDocumentString(`
    mutation DecideReport($id: ID!, $accept: Boolean!, $reason: String) {
  decideSalesReport(input: {id: $id, accept: $accept, reason: $reason}) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<DecideReportMutation, DecideReportMutationVariables>;
export const VerifyEmailDocument = new TypedDocumentString(`
    mutation VerifyEmail($token: String!) {
  verifyEmail(token: $token) {
    accessToken
    refreshToken
  }
}
    `) as unknown as TypedDocumentString<VerifyEmailMutation, VerifyEmailMutationVariables>;
export const VerifyProductDocument = new TypedDocumentString(`
    query VerifyProduct($code: String!) {
  verifyProduct(code: $code) {
    product {
      id
      name
      nameZh
    }
    filmIp {
      title
      titleZh
    }
    studio {
      name
      nameZh
    }
    merchant {
      name
      nameZh
    }
    licenseStatus
    validUntil
  }
}
    `) as unknown as TypedDocumentString<VerifyProductQuery, VerifyProductQueryVariables>;