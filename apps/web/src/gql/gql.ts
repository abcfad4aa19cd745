/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n": typeof types.ResendVerificationEmailDocument,
    "\n  query DeliveryOptionsOf($merchantIds: [ID!]!) {\n    deliveryOptions(merchantIds: $merchantIds) {\n      merchantId pickup ship\n      shippingFee { amountMinor currency }\n      freeShippingFrom { amountMinor currency }\n    }\n  }\n": typeof types.DeliveryOptionsOfDocument,
    "\n  query MyAddresses {\n    myAddresses { id recipient phone province city district street postalCode }\n  }\n": typeof types.MyAddressesDocument,
    "\n  query PaymentSettings {\n    paymentSettings { provider stripePublishableKey }\n  }\n": typeof types.PaymentSettingsDocument,
    "\n  mutation DevConfirm($orderId: ID!) {\n    devConfirmPayment(orderId: $orderId) { id status }\n  }\n": typeof types.DevConfirmDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { id }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  query ProductRatings($productIds: [ID!]!) {\n    productRatings(productIds: $productIds) { productId rating { average count } }\n  }\n": typeof types.ProductRatingsDocument,
    "\n  mutation ReviewLine($orderLineId: ID!, $rating: Int!, $text: String) {\n    reviewOrderLine(input: { orderLineId: $orderLineId, rating: $rating, text: $text }) { id rating }\n  }\n": typeof types.ReviewLineDocument,
    "\n  mutation SetFavourite($productId: ID!, $favourite: Boolean!) {\n    setFavourite(productId: $productId, favourite: $favourite)\n  }\n": typeof types.SetFavouriteDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) { accessToken refreshToken }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  query FilmIpTitles {\n    filmIps(first: 100) { edges { node { id title titleZh } } }\n  }\n": typeof types.FilmIpTitlesDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      displayName\n      emailVerified\n      memberships { role organization { id kind name nameZh } }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) { role organization { id kind name nameZh } }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) { accessToken refreshToken }\n  }\n": typeof types.LogInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { accessToken refreshToken }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) {\n      order { id status }\n      payment { provider clientSecret }\n    }\n  }\n": typeof types.CheckoutDocument,
    "\n  query MyFavourites {\n    myFavourites {\n      id kind name nameZh\n      priceFrom { amountMinor currency }\n      merchant { id name nameZh }\n      rating { average count }\n    }\n  }\n": typeof types.MyFavouritesDocument,
    "\n  query FilmIps {\n    filmIps(first: 24) {\n      totalCount\n      edges { node { id title titleZh year synopsis filmingLocations { id nameEn nameZh } } }\n    }\n  }\n": typeof types.FilmIpsDocument,
    "\n  query MerchantApplications($merchantId: ID!) {\n    merchantLicenseApplications(merchantId: $merchantId, first: 50) {\n      edges {\n        node { id status pitch createdAt decisionReason offer { id royaltyBps filmIp { title titleZh } } }\n      }\n    }\n  }\n": typeof types.MerchantApplicationsDocument,
    "\n  mutation WithdrawApplication($id: ID!) {\n    withdrawLicenseApplication(id: $id) { id status }\n  }\n": typeof types.WithdrawApplicationDocument,
    "\n  query DeliveryOptionsOfMerchant($merchantIds: [ID!]!) {\n    deliveryOptions(merchantIds: $merchantIds) {\n      merchantId pickup ship\n      shippingFee { amountMinor currency }\n      freeShippingFrom { amountMinor currency }\n      pickupAddress\n    }\n  }\n": typeof types.DeliveryOptionsOfMerchantDocument,
    "\n  mutation SetMerchantDeliveryOptions($input: SetDeliveryOptionsInput!) {\n    setDeliveryOptions(input: $input) { merchantId pickup ship }\n  }\n": typeof types.SetMerchantDeliveryOptionsDocument,
    "\n  query MerchantLicenses($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, first: 50) {\n      edges {\n        node { id status statusReason royaltyBps categories channels territory startsOn endsOn filmIp { title titleZh } }\n      }\n    }\n  }\n": typeof types.MerchantLicensesDocument,
    "\n  query OpenOffers($first: Int) {\n    licenseOffers(first: $first) {\n      totalCount\n      edges {\n        node {\n          id royaltyBps categories channels territory startsOn endsOn\n          advance { amountMinor currency }\n          minimumGuarantee { amountMinor currency }\n          filmIp { id title titleZh year synopsis }\n        }\n      }\n    }\n  }\n": typeof types.OpenOffersDocument,
    "\n  mutation ApplyForLicense($input: ApplyForLicenseInput!) {\n    applyForLicense(input: $input) { id status }\n  }\n": typeof types.ApplyForLicenseDocument,
    "\n  query MerchantOrders($merchantId: ID!, $status: OrderStatus) {\n    merchantOrders(merchantId: $merchantId, status: $status, first: 20) {\n      totalCount\n      edges {\n        node {\n          id status createdAt paidAt\n          total { amountMinor currency }\n          lines {\n            id kind productName quantity slotStartsAt fulfilment fulfilledAt\n            total { amountMinor currency }\n            refunded { amountMinor currency }\n          }\n          tickets { code orderLineId redeemedAt }\n        }\n      }\n    }\n  }\n": typeof types.MerchantOrdersDocument,
    "\n  query MerchantOrderDeliveries($merchantId: ID!, $status: OrderStatus) {\n    merchantOrders(merchantId: $merchantId, status: $status, first: 20) {\n      edges {\n        node {\n          id\n          delivery {\n            method\n            address { recipient phone province city district street postalCode }\n            fee { amountMinor }\n          }\n          lines { id shipment { carrier trackingNumber } }\n        }\n      }\n    }\n  }\n": typeof types.MerchantOrderDeliveriesDocument,
    "\n  mutation FulfilOrderLine($orderLineId: ID!, $fulfilment: MerchandiseFulfilment!) {\n    fulfilOrderLine(orderLineId: $orderLineId, fulfilment: $fulfilment) { id status }\n  }\n": typeof types.FulfilOrderLineDocument,
    "\n  mutation ShipLines($input: ShipOrderLinesInput!) {\n    shipOrderLines(input: $input) { id status }\n  }\n": typeof types.ShipLinesDocument,
    "\n  mutation HandOverPickup($code: String!) {\n    handOverPickup(code: $code) { id status lines { productName quantity } }\n  }\n": typeof types.HandOverPickupDocument,
    "\n  mutation RefundOrderLineFromConsole($orderLineId: ID!) {\n    refundOrderLine(orderLineId: $orderLineId) { id status }\n  }\n": typeof types.RefundOrderLineFromConsoleDocument,
    "\n  query MerchantProducts($merchantId: ID!) {\n    merchantProducts(merchantId: $merchantId, first: 20) {\n      edges {\n        node {\n          id kind status statusReason name nameZh category\n          filmIp { title titleZh }\n          variants { id sku available stock price { amountMinor currency } }\n          upcomingTimeSlots { id startsAt capacity sold reserved remaining status }\n        }\n      }\n    }\n  }\n": typeof types.MerchantProductsDocument,
    "\n  query ActiveLicenses($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, status: ACTIVE, first: 50) {\n      edges { node { id categories filmIp { title titleZh } } }\n    }\n  }\n": typeof types.ActiveLicensesDocument,
    "\n  mutation CreateMerchandise($input: CreateMerchandiseInput!) {\n    createMerchandise(input: $input) { id status }\n  }\n": typeof types.CreateMerchandiseDocument,
    "\n  mutation SubmitProduct($productId: ID!) {\n    submitProductForApproval(productId: $productId) { id status }\n  }\n": typeof types.SubmitProductDocument,
    "\n  mutation PublishProduct($productId: ID!) {\n    publishProduct(productId: $productId) { id status }\n  }\n": typeof types.PublishProductDocument,
    "\n  mutation AdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) { variant { id stock available } }\n  }\n": typeof types.AdjustStockDocument,
    "\n  mutation UnpublishProduct($productId: ID!) {\n    unpublishProduct(productId: $productId) { id status }\n  }\n": typeof types.UnpublishProductDocument,
    "\n  query RefundQueue($merchantId: ID!) {\n    merchantRefundRequests(merchantId: $merchantId, status: REQUESTED) {\n      id orderId productName quantity reason createdAt\n      amount { amountMinor currency }\n    }\n  }\n": typeof types.RefundQueueDocument,
    "\n  mutation DecideRefund($id: ID!, $approve: Boolean!, $reason: String) {\n    decideRefundRequest(input: { id: $id, approve: $approve, reason: $reason }) { id status }\n  }\n": typeof types.DecideRefundDocument,
    "\n  query MerchantSales($merchantId: ID!, $from: Date!, $to: Date!) {\n    merchantSales(merchantId: $merchantId, from: $from, to: $to) {\n      payableBalance { amountMinor currency }\n      licenses {\n        licenseId studioName lineCount\n        gross { amountMinor currency }\n        refunded { amountMinor currency }\n        royalty { amountMinor currency }\n        platformFee { amountMinor currency }\n        merchantShare { amountMinor currency }\n      }\n    }\n  }\n": typeof types.MerchantSalesDocument,
    "\n  query LicenseTitles($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, first: 50) { edges { node { id filmIp { title titleZh } } } }\n  }\n": typeof types.LicenseTitlesDocument,
    "\n  mutation ChangeTimeSlotCapacity($input: ChangeTimeSlotCapacityInput!) {\n    changeTimeSlotCapacity(input: $input) { id capacity remaining }\n  }\n": typeof types.ChangeTimeSlotCapacityDocument,
    "\n  mutation SetTimeSlotStatus($timeSlotId: ID!, $status: TimeSlotStatus!) {\n    setTimeSlotStatus(timeSlotId: $timeSlotId, status: $status) { id status }\n  }\n": typeof types.SetTimeSlotStatusDocument,
    "\n  mutation AddSlot($input: AddTimeSlotInput!) {\n    addTimeSlot(input: $input) { id }\n  }\n": typeof types.AddSlotDocument,
    "\n  mutation RedeemTicket($code: String!) {\n    redeemTicket(code: $code) { code redeemedAt timeSlotId productName ticketTypeName startsAt endsAt }\n  }\n": typeof types.RedeemTicketDocument,
    "\n  query OrderDetail($id: ID!) {\n    order(id: $id) {\n      id status createdAt expiresAt paidAt refundDue\n      total { amountMinor currency }\n      lines {\n        id kind productId productName quantity slotStartsAt fulfilment fulfilledAt\n        unitPrice { amountMinor currency }\n        total { amountMinor currency }\n        refunded { amountMinor currency }\n        review { id rating }\n        shipment { carrier trackingNumber shippedAt }\n      }\n      delivery {\n        method\n        address { recipient phone province city district street postalCode }\n        fee { amountMinor currency }\n        merchants { merchantId merchantName pickupCode pickupAddress handedOverAt }\n      }\n      tickets {\n        code qrPayload redeemedAt voidedAt orderLineId productName ticketTypeName startsAt endsAt\n        venue { name nameZh address addressZh mapUrl }\n      }\n      refundRequests { id orderLineId quantity reason status automatic decisionReason amount { amountMinor currency } }\n    }\n  }\n": typeof types.OrderDetailDocument,
    "\n  mutation RequestLineRefund($orderLineId: ID!, $quantity: Int, $reason: String!) {\n    requestRefund(input: { orderLineId: $orderLineId, quantity: $quantity, reason: $reason }) { id status }\n  }\n": typeof types.RequestLineRefundDocument,
    "\n  query OrderCalendar($orderId: ID!) {\n    orderCalendar(orderId: $orderId)\n  }\n": typeof types.OrderCalendarDocument,
    "\n  mutation CancelOrder($orderId: ID!) {\n    cancelOrder(orderId: $orderId) { id status }\n  }\n": typeof types.CancelOrderDocument,
    "\n  query MyOrders {\n    myOrders(first: 20) {\n      edges { node { id status createdAt total { amountMinor currency } lines { id productName quantity } } }\n    }\n  }\n": typeof types.MyOrdersDocument,
    "\n  query ProductDetail($id: ID!) {\n    product(id: $id) {\n      id kind status category name nameZh description descriptionZh images purchaseLimit verificationCode\n      priceFrom { amountMinor currency }\n      filmIp { id title titleZh }\n      merchant { id name nameZh }\n      media { id url cardUrl thumbnailUrl width height alt altZh }\n      variants { id sku available price { amountMinor currency } }\n      ticketTypes { id name nameZh price { amountMinor currency } }\n      upcomingTimeSlots { id startsAt endsAt remaining status }\n      venue { id name nameZh address addressZh latitude longitude openingNotes }\n      favourited\n      rating { average count }\n      reviews(first: 20) { edges { node { id rating text reply createdAt } } }\n    }\n  }\n": typeof types.ProductDetailDocument,
    "\n  query SearchProducts($text: String, $filter: ProductFilter, $sort: ProductSearchSort, $first: Int, $after: String) {\n    searchProducts(text: $text, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      facets {\n        categories { category count }\n        filmIps { count filmIp { id title titleZh } }\n      }\n      edges {\n        node {\n          id kind name nameZh category inStock\n          priceFrom { amountMinor currency }\n          filmIp { id title titleZh }\n          merchant { id name nameZh }\n          cover { thumbnailUrl cardUrl alt altZh }\n        }\n      }\n    }\n  }\n": typeof types.SearchProductsDocument,
    "\n  query DesignQueue($studioId: ID!) {\n    studioProducts(studioId: $studioId, status: PENDING_APPROVAL, first: 20) {\n      edges {\n        node {\n          id name nameZh category descriptionZh description\n          filmIp { title titleZh }\n          merchant { name nameZh }\n          variants { id sku price { amountMinor currency } }\n        }\n      }\n    }\n  }\n": typeof types.DesignQueueDocument,
    "\n  mutation ApproveDesign($productId: ID!) {\n    approveProduct(productId: $productId) { id status }\n  }\n": typeof types.ApproveDesignDocument,
    "\n  mutation RejectDesign($productId: ID!, $comments: String!) {\n    rejectProduct(productId: $productId, comments: $comments) { id status }\n  }\n": typeof types.RejectDesignDocument,
    "\n  query StudioFilmIps($studioId: ID!) {\n    filmIps(studioId: $studioId, first: 50) {\n      totalCount\n      edges { node { id title titleZh year synopsis characters { name nameZh } } }\n    }\n  }\n": typeof types.StudioFilmIpsDocument,
    "\n  mutation CreateFilmIp($input: CreateFilmIpInput!) {\n    createFilmIp(input: $input) { id }\n  }\n": typeof types.CreateFilmIpDocument,
    "\n  query IncomingApplications($studioId: ID!, $status: LicenseApplicationStatus) {\n    incomingLicenseApplications(studioId: $studioId, status: $status, first: 50) {\n      edges {\n        node {\n          id status pitch createdAt decisionReason merchantId\n          offer { id royaltyBps filmIp { title titleZh } }\n        }\n      }\n    }\n  }\n": typeof types.IncomingApplicationsDocument,
    "\n  mutation ApproveApplication($id: ID!) {\n    approveLicenseApplication(id: $id) { id status }\n  }\n": typeof types.ApproveApplicationDocument,
    "\n  mutation RejectApplication($id: ID!, $reason: String!) {\n    rejectLicenseApplication(id: $id, reason: $reason) { id status }\n  }\n": typeof types.RejectApplicationDocument,
    "\n  query StudioLicenses($studioId: ID!) {\n    studioLicenses(studioId: $studioId, first: 50) {\n      edges {\n        node { id status statusReason royaltyBps startsOn endsOn merchantId categories filmIp { title titleZh } }\n      }\n    }\n  }\n": typeof types.StudioLicensesDocument,
    "\n  mutation SuspendLicense($id: ID!, $reason: String!) {\n    suspendLicense(id: $id, reason: $reason) { id status }\n  }\n": typeof types.SuspendLicenseDocument,
    "\n  mutation ResumeLicense($id: ID!) {\n    resumeLicense(id: $id) { id status }\n  }\n": typeof types.ResumeLicenseDocument,
    "\n  query StudioOffers($studioId: ID!) {\n    studioLicenseOffers(studioId: $studioId, first: 50) {\n      edges {\n        node { id status royaltyBps categories channels territory startsOn endsOn advance { currency } minimumGuarantee { currency } filmIp { id title titleZh } }\n      }\n    }\n  }\n": typeof types.StudioOffersDocument,
    "\n  mutation PublishOffer($input: PublishLicenseOfferInput!) {\n    publishLicenseOffer(input: $input) { id }\n  }\n": typeof types.PublishOfferDocument,
    "\n  mutation CloseOffer($id: ID!) {\n    closeLicenseOffer(id: $id) { id status }\n  }\n": typeof types.CloseOfferDocument,
    "\n  query RoyaltyTotals($studioId: ID!, $from: Date!, $to: Date!) {\n    royaltyReport(studioId: $studioId, from: $from, to: $to) {\n      currency\n      totals {\n        lineCount\n        gross { amountMinor currency }\n        refunded { amountMinor currency }\n        royalty { amountMinor currency }\n      }\n    }\n  }\n": typeof types.RoyaltyTotalsDocument,
    "\n  query RoyaltySeries($studioId: ID!, $from: Date!, $to: Date!, $by: RoyaltySeriesBy!) {\n    royaltySeries(studioId: $studioId, from: $from, to: $to, by: $by) {\n      month key label\n      gross { amountMinor currency }\n      royalty { amountMinor currency }\n    }\n  }\n": typeof types.RoyaltySeriesDocument,
    "\n  query RoyaltyLines($studioId: ID!, $from: Date!, $to: Date!, $after: String) {\n    royaltyReportLines(studioId: $studioId, from: $from, to: $to, first: 10, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          orderLineId paidAt productName merchantName\n          gross { amountMinor currency }\n          refunded { amountMinor currency }\n          royalty { amountMinor currency }\n        }\n      }\n    }\n  }\n": typeof types.RoyaltyLinesDocument,
    "\n  query RoyaltyStatements($studioId: ID!) {\n    royaltyStatements(studioId: $studioId) {\n      id month status lineCount issuedAt\n      royalty { amountMinor currency }\n      amountDue { amountMinor currency }\n    }\n  }\n": typeof types.RoyaltyStatementsDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) { accessToken refreshToken }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  query VerifyProduct($code: String!) {\n    verifyProduct(code: $code) {\n      product { id name nameZh }\n      filmIp { title titleZh }\n      studio { name nameZh }\n      merchant { name nameZh }\n      licenseStatus\n      validUntil\n    }\n  }\n": typeof types.VerifyProductDocument,
};
const documents: Documents = {
    "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n": types.ResendVerificationEmailDocument,
    "\n  query DeliveryOptionsOf($merchantIds: [ID!]!) {\n    deliveryOptions(merchantIds: $merchantIds) {\n      merchantId pickup ship\n      shippingFee { amountMinor currency }\n      freeShippingFrom { amountMinor currency }\n    }\n  }\n": types.DeliveryOptionsOfDocument,
    "\n  query MyAddresses {\n    myAddresses { id recipient phone province city district street postalCode }\n  }\n": types.MyAddressesDocument,
    "\n  query PaymentSettings {\n    paymentSettings { provider stripePublishableKey }\n  }\n": types.PaymentSettingsDocument,
    "\n  mutation DevConfirm($orderId: ID!) {\n    devConfirmPayment(orderId: $orderId) { id status }\n  }\n": types.DevConfirmDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { id }\n  }\n": types.CreateOrganizationDocument,
    "\n  query ProductRatings($productIds: [ID!]!) {\n    productRatings(productIds: $productIds) { productId rating { average count } }\n  }\n": types.ProductRatingsDocument,
    "\n  mutation ReviewLine($orderLineId: ID!, $rating: Int!, $text: String) {\n    reviewOrderLine(input: { orderLineId: $orderLineId, rating: $rating, text: $text }) { id rating }\n  }\n": types.ReviewLineDocument,
    "\n  mutation SetFavourite($productId: ID!, $favourite: Boolean!) {\n    setFavourite(productId: $productId, favourite: $favourite)\n  }\n": types.SetFavouriteDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) { accessToken refreshToken }\n  }\n": types.RefreshSessionDocument,
    "\n  query FilmIpTitles {\n    filmIps(first: 100) { edges { node { id title titleZh } } }\n  }\n": types.FilmIpTitlesDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      displayName\n      emailVerified\n      memberships { role organization { id kind name nameZh } }\n    }\n  }\n": types.MeDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) { role organization { id kind name nameZh } }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) { accessToken refreshToken }\n  }\n": types.LogInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { accessToken refreshToken }\n  }\n": types.SignUpDocument,
    "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) {\n      order { id status }\n      payment { provider clientSecret }\n    }\n  }\n": types.CheckoutDocument,
    "\n  query MyFavourites {\n    myFavourites {\n      id kind name nameZh\n      priceFrom { amountMinor currency }\n      merchant { id name nameZh }\n      rating { average count }\n    }\n  }\n": types.MyFavouritesDocument,
    "\n  query FilmIps {\n    filmIps(first: 24) {\n      totalCount\n      edges { node { id title titleZh year synopsis filmingLocations { id nameEn nameZh } } }\n    }\n  }\n": types.FilmIpsDocument,
    "\n  query MerchantApplications($merchantId: ID!) {\n    merchantLicenseApplications(merchantId: $merchantId, first: 50) {\n      edges {\n        node { id status pitch createdAt decisionReason offer { id royaltyBps filmIp { title titleZh } } }\n      }\n    }\n  }\n": types.MerchantApplicationsDocument,
    "\n  mutation WithdrawApplication($id: ID!) {\n    withdrawLicenseApplication(id: $id) { id status }\n  }\n": types.WithdrawApplicationDocument,
    "\n  query DeliveryOptionsOfMerchant($merchantIds: [ID!]!) {\n    deliveryOptions(merchantIds: $merchantIds) {\n      merchantId pickup ship\n      shippingFee { amountMinor currency }\n      freeShippingFrom { amountMinor currency }\n      pickupAddress\n    }\n  }\n": types.DeliveryOptionsOfMerchantDocument,
    "\n  mutation SetMerchantDeliveryOptions($input: SetDeliveryOptionsInput!) {\n    setDeliveryOptions(input: $input) { merchantId pickup ship }\n  }\n": types.SetMerchantDeliveryOptionsDocument,
    "\n  query MerchantLicenses($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, first: 50) {\n      edges {\n        node { id status statusReason royaltyBps categories channels territory startsOn endsOn filmIp { title titleZh } }\n      }\n    }\n  }\n": types.MerchantLicensesDocument,
    "\n  query OpenOffers($first: Int) {\n    licenseOffers(first: $first) {\n      totalCount\n      edges {\n        node {\n          id royaltyBps categories channels territory startsOn endsOn\n          advance { amountMinor currency }\n          minimumGuarantee { amountMinor currency }\n          filmIp { id title titleZh year synopsis }\n        }\n      }\n    }\n  }\n": types.OpenOffersDocument,
    "\n  mutation ApplyForLicense($input: ApplyForLicenseInput!) {\n    applyForLicense(input: $input) { id status }\n  }\n": types.ApplyForLicenseDocument,
    "\n  query MerchantOrders($merchantId: ID!, $status: OrderStatus) {\n    merchantOrders(merchantId: $merchantId, status: $status, first: 20) {\n      totalCount\n      edges {\n        node {\n          id status createdAt paidAt\n          total { amountMinor currency }\n          lines {\n            id kind productName quantity slotStartsAt fulfilment fulfilledAt\n            total { amountMinor currency }\n            refunded { amountMinor currency }\n          }\n          tickets { code orderLineId redeemedAt }\n        }\n      }\n    }\n  }\n": types.MerchantOrdersDocument,
    "\n  query MerchantOrderDeliveries($merchantId: ID!, $status: OrderStatus) {\n    merchantOrders(merchantId: $merchantId, status: $status, first: 20) {\n      edges {\n        node {\n          id\n          delivery {\n            method\n            address { recipient phone province city district street postalCode }\n            fee { amountMinor }\n          }\n          lines { id shipment { carrier trackingNumber } }\n        }\n      }\n    }\n  }\n": types.MerchantOrderDeliveriesDocument,
    "\n  mutation FulfilOrderLine($orderLineId: ID!, $fulfilment: MerchandiseFulfilment!) {\n    fulfilOrderLine(orderLineId: $orderLineId, fulfilment: $fulfilment) { id status }\n  }\n": types.FulfilOrderLineDocument,
    "\n  mutation ShipLines($input: ShipOrderLinesInput!) {\n    shipOrderLines(input: $input) { id status }\n  }\n": types.ShipLinesDocument,
    "\n  mutation HandOverPickup($code: String!) {\n    handOverPickup(code: $code) { id status lines { productName quantity } }\n  }\n": types.HandOverPickupDocument,
    "\n  mutation RefundOrderLineFromConsole($orderLineId: ID!) {\n    refundOrderLine(orderLineId: $orderLineId) { id status }\n  }\n": types.RefundOrderLineFromConsoleDocument,
    "\n  query MerchantProducts($merchantId: ID!) {\n    merchantProducts(merchantId: $merchantId, first: 20) {\n      edges {\n        node {\n          id kind status statusReason name nameZh category\n          filmIp { title titleZh }\n          variants { id sku available stock price { amountMinor currency } }\n          upcomingTimeSlots { id startsAt capacity sold reserved remaining status }\n        }\n      }\n    }\n  }\n": types.MerchantProductsDocument,
    "\n  query ActiveLicenses($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, status: ACTIVE, first: 50) {\n      edges { node { id categories filmIp { title titleZh } } }\n    }\n  }\n": types.ActiveLicensesDocument,
    "\n  mutation CreateMerchandise($input: CreateMerchandiseInput!) {\n    createMerchandise(input: $input) { id status }\n  }\n": types.CreateMerchandiseDocument,
    "\n  mutation SubmitProduct($productId: ID!) {\n    submitProductForApproval(productId: $productId) { id status }\n  }\n": types.SubmitProductDocument,
    "\n  mutation PublishProduct($productId: ID!) {\n    publishProduct(productId: $productId) { id status }\n  }\n": types.PublishProductDocument,
    "\n  mutation AdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) { variant { id stock available } }\n  }\n": types.AdjustStockDocument,
    "\n  mutation UnpublishProduct($productId: ID!) {\n    unpublishProduct(productId: $productId) { id status }\n  }\n": types.UnpublishProductDocument,
    "\n  query RefundQueue($merchantId: ID!) {\n    merchantRefundRequests(merchantId: $merchantId, status: REQUESTED) {\n      id orderId productName quantity reason createdAt\n      amount { amountMinor currency }\n    }\n  }\n": types.RefundQueueDocument,
    "\n  mutation DecideRefund($id: ID!, $approve: Boolean!, $reason: String) {\n    decideRefundRequest(input: { id: $id, approve: $approve, reason: $reason }) { id status }\n  }\n": types.DecideRefundDocument,
    "\n  query MerchantSales($merchantId: ID!, $from: Date!, $to: Date!) {\n    merchantSales(merchantId: $merchantId, from: $from, to: $to) {\n      payableBalance { amountMinor currency }\n      licenses {\n        licenseId studioName lineCount\n        gross { amountMinor currency }\n        refunded { amountMinor currency }\n        royalty { amountMinor currency }\n        platformFee { amountMinor currency }\n        merchantShare { amountMinor currency }\n      }\n    }\n  }\n": types.MerchantSalesDocument,
    "\n  query LicenseTitles($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, first: 50) { edges { node { id filmIp { title titleZh } } } }\n  }\n": types.LicenseTitlesDocument,
    "\n  mutation ChangeTimeSlotCapacity($input: ChangeTimeSlotCapacityInput!) {\n    changeTimeSlotCapacity(input: $input) { id capacity remaining }\n  }\n": types.ChangeTimeSlotCapacityDocument,
    "\n  mutation SetTimeSlotStatus($timeSlotId: ID!, $status: TimeSlotStatus!) {\n    setTimeSlotStatus(timeSlotId: $timeSlotId, status: $status) { id status }\n  }\n": types.SetTimeSlotStatusDocument,
    "\n  mutation AddSlot($input: AddTimeSlotInput!) {\n    addTimeSlot(input: $input) { id }\n  }\n": types.AddSlotDocument,
    "\n  mutation RedeemTicket($code: String!) {\n    redeemTicket(code: $code) { code redeemedAt timeSlotId productName ticketTypeName startsAt endsAt }\n  }\n": types.RedeemTicketDocument,
    "\n  query OrderDetail($id: ID!) {\n    order(id: $id) {\n      id status createdAt expiresAt paidAt refundDue\n      total { amountMinor currency }\n      lines {\n        id kind productId productName quantity slotStartsAt fulfilment fulfilledAt\n        unitPrice { amountMinor currency }\n        total { amountMinor currency }\n        refunded { amountMinor currency }\n        review { id rating }\n        shipment { carrier trackingNumber shippedAt }\n      }\n      delivery {\n        method\n        address { recipient phone province city district street postalCode }\n        fee { amountMinor currency }\n        merchants { merchantId merchantName pickupCode pickupAddress handedOverAt }\n      }\n      tickets {\n        code qrPayload redeemedAt voidedAt orderLineId productName ticketTypeName startsAt endsAt\n        venue { name nameZh address addressZh mapUrl }\n      }\n      refundRequests { id orderLineId quantity reason status automatic decisionReason amount { amountMinor currency } }\n    }\n  }\n": types.OrderDetailDocument,
    "\n  mutation RequestLineRefund($orderLineId: ID!, $quantity: Int, $reason: String!) {\n    requestRefund(input: { orderLineId: $orderLineId, quantity: $quantity, reason: $reason }) { id status }\n  }\n": types.RequestLineRefundDocument,
    "\n  query OrderCalendar($orderId: ID!) {\n    orderCalendar(orderId: $orderId)\n  }\n": types.OrderCalendarDocument,
    "\n  mutation CancelOrder($orderId: ID!) {\n    cancelOrder(orderId: $orderId) { id status }\n  }\n": types.CancelOrderDocument,
    "\n  query MyOrders {\n    myOrders(first: 20) {\n      edges { node { id status createdAt total { amountMinor currency } lines { id productName quantity } } }\n    }\n  }\n": types.MyOrdersDocument,
    "\n  query ProductDetail($id: ID!) {\n    product(id: $id) {\n      id kind status category name nameZh description descriptionZh images purchaseLimit verificationCode\n      priceFrom { amountMinor currency }\n      filmIp { id title titleZh }\n      merchant { id name nameZh }\n      media { id url cardUrl thumbnailUrl width height alt altZh }\n      variants { id sku available price { amountMinor currency } }\n      ticketTypes { id name nameZh price { amountMinor currency } }\n      upcomingTimeSlots { id startsAt endsAt remaining status }\n      venue { id name nameZh address addressZh latitude longitude openingNotes }\n      favourited\n      rating { average count }\n      reviews(first: 20) { edges { node { id rating text reply createdAt } } }\n    }\n  }\n": types.ProductDetailDocument,
    "\n  query SearchProducts($text: String, $filter: ProductFilter, $sort: ProductSearchSort, $first: Int, $after: String) {\n    searchProducts(text: $text, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      facets {\n        categories { category count }\n        filmIps { count filmIp { id title titleZh } }\n      }\n      edges {\n        node {\n          id kind name nameZh category inStock\n          priceFrom { amountMinor currency }\n          filmIp { id title titleZh }\n          merchant { id name nameZh }\n          cover { thumbnailUrl cardUrl alt altZh }\n        }\n      }\n    }\n  }\n": types.SearchProductsDocument,
    "\n  query DesignQueue($studioId: ID!) {\n    studioProducts(studioId: $studioId, status: PENDING_APPROVAL, first: 20) {\n      edges {\n        node {\n          id name nameZh category descriptionZh description\n          filmIp { title titleZh }\n          merchant { name nameZh }\n          variants { id sku price { amountMinor currency } }\n        }\n      }\n    }\n  }\n": types.DesignQueueDocument,
    "\n  mutation ApproveDesign($productId: ID!) {\n    approveProduct(productId: $productId) { id status }\n  }\n": types.ApproveDesignDocument,
    "\n  mutation RejectDesign($productId: ID!, $comments: String!) {\n    rejectProduct(productId: $productId, comments: $comments) { id status }\n  }\n": types.RejectDesignDocument,
    "\n  query StudioFilmIps($studioId: ID!) {\n    filmIps(studioId: $studioId, first: 50) {\n      totalCount\n      edges { node { id title titleZh year synopsis characters { name nameZh } } }\n    }\n  }\n": types.StudioFilmIpsDocument,
    "\n  mutation CreateFilmIp($input: CreateFilmIpInput!) {\n    createFilmIp(input: $input) { id }\n  }\n": types.CreateFilmIpDocument,
    "\n  query IncomingApplications($studioId: ID!, $status: LicenseApplicationStatus) {\n    incomingLicenseApplications(studioId: $studioId, status: $status, first: 50) {\n      edges {\n        node {\n          id status pitch createdAt decisionReason merchantId\n          offer { id royaltyBps filmIp { title titleZh } }\n        }\n      }\n    }\n  }\n": types.IncomingApplicationsDocument,
    "\n  mutation ApproveApplication($id: ID!) {\n    approveLicenseApplication(id: $id) { id status }\n  }\n": types.ApproveApplicationDocument,
    "\n  mutation RejectApplication($id: ID!, $reason: String!) {\n    rejectLicenseApplication(id: $id, reason: $reason) { id status }\n  }\n": types.RejectApplicationDocument,
    "\n  query StudioLicenses($studioId: ID!) {\n    studioLicenses(studioId: $studioId, first: 50) {\n      edges {\n        node { id status statusReason royaltyBps startsOn endsOn merchantId categories filmIp { title titleZh } }\n      }\n    }\n  }\n": types.StudioLicensesDocument,
    "\n  mutation SuspendLicense($id: ID!, $reason: String!) {\n    suspendLicense(id: $id, reason: $reason) { id status }\n  }\n": types.SuspendLicenseDocument,
    "\n  mutation ResumeLicense($id: ID!) {\n    resumeLicense(id: $id) { id status }\n  }\n": types.ResumeLicenseDocument,
    "\n  query StudioOffers($studioId: ID!) {\n    studioLicenseOffers(studioId: $studioId, first: 50) {\n      edges {\n        node { id status royaltyBps categories channels territory startsOn endsOn advance { currency } minimumGuarantee { currency } filmIp { id title titleZh } }\n      }\n    }\n  }\n": types.StudioOffersDocument,
    "\n  mutation PublishOffer($input: PublishLicenseOfferInput!) {\n    publishLicenseOffer(input: $input) { id }\n  }\n": types.PublishOfferDocument,
    "\n  mutation CloseOffer($id: ID!) {\n    closeLicenseOffer(id: $id) { id status }\n  }\n": types.CloseOfferDocument,
    "\n  query RoyaltyTotals($studioId: ID!, $from: Date!, $to: Date!) {\n    royaltyReport(studioId: $studioId, from: $from, to: $to) {\n      currency\n      totals {\n        lineCount\n        gross { amountMinor currency }\n        refunded { amountMinor currency }\n        royalty { amountMinor currency }\n      }\n    }\n  }\n": types.RoyaltyTotalsDocument,
    "\n  query RoyaltySeries($studioId: ID!, $from: Date!, $to: Date!, $by: RoyaltySeriesBy!) {\n    royaltySeries(studioId: $studioId, from: $from, to: $to, by: $by) {\n      month key label\n      gross { amountMinor currency }\n      royalty { amountMinor currency }\n    }\n  }\n": types.RoyaltySeriesDocument,
    "\n  query RoyaltyLines($studioId: ID!, $from: Date!, $to: Date!, $after: String) {\n    royaltyReportLines(studioId: $studioId, from: $from, to: $to, first: 10, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          orderLineId paidAt productName merchantName\n          gross { amountMinor currency }\n          refunded { amountMinor currency }\n          royalty { amountMinor currency }\n        }\n      }\n    }\n  }\n": types.RoyaltyLinesDocument,
    "\n  query RoyaltyStatements($studioId: ID!) {\n    royaltyStatements(studioId: $studioId) {\n      id month status lineCount issuedAt\n      royalty { amountMinor currency }\n      amountDue { amountMinor currency }\n    }\n  }\n": types.RoyaltyStatementsDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) { accessToken refreshToken }\n  }\n": types.VerifyEmailDocument,
    "\n  query VerifyProduct($code: String!) {\n    verifyProduct(code: $code) {\n      product { id name nameZh }\n      filmIp { title titleZh }\n      studio { name nameZh }\n      merchant { name nameZh }\n      licenseStatus\n      validUntil\n    }\n  }\n": types.VerifyProductDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n"): typeof import('./graphql').ResendVerificationEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeliveryOptionsOf($merchantIds: [ID!]!) {\n    deliveryOptions(merchantIds: $merchantIds) {\n      merchantId pickup ship\n      shippingFee { amountMinor currency }\n      freeShippingFrom { amountMinor currency }\n    }\n  }\n"): typeof import('./graphql').DeliveryOptionsOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAddresses {\n    myAddresses { id recipient phone province city district street postalCode }\n  }\n"): typeof import('./graphql').MyAddressesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentSettings {\n    paymentSettings { provider stripePublishableKey }\n  }\n"): typeof import('./graphql').PaymentSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DevConfirm($orderId: ID!) {\n    devConfirmPayment(orderId: $orderId) { id status }\n  }\n"): typeof import('./graphql').DevConfirmDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) { id }\n  }\n"): typeof import('./graphql').CreateOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductRatings($productIds: [ID!]!) {\n    productRatings(productIds: $productIds) { productId rating { average count } }\n  }\n"): typeof import('./graphql').ProductRatingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewLine($orderLineId: ID!, $rating: Int!, $text: String) {\n    reviewOrderLine(input: { orderLineId: $orderLineId, rating: $rating, text: $text }) { id rating }\n  }\n"): typeof import('./graphql').ReviewLineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetFavourite($productId: ID!, $favourite: Boolean!) {\n    setFavourite(productId: $productId, favourite: $favourite)\n  }\n"): typeof import('./graphql').SetFavouriteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) { accessToken refreshToken }\n  }\n"): typeof import('./graphql').RefreshSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilmIpTitles {\n    filmIps(first: 100) { edges { node { id title titleZh } } }\n  }\n"): typeof import('./graphql').FilmIpTitlesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      displayName\n      emailVerified\n      memberships { role organization { id kind name nameZh } }\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) { role organization { id kind name nameZh } }\n  }\n"): typeof import('./graphql').AcceptInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) { accessToken refreshToken }\n  }\n"): typeof import('./graphql').LogInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) { accessToken refreshToken }\n  }\n"): typeof import('./graphql').SignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) {\n      order { id status }\n      payment { provider clientSecret }\n    }\n  }\n"): typeof import('./graphql').CheckoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyFavourites {\n    myFavourites {\n      id kind name nameZh\n      priceFrom { amountMinor currency }\n      merchant { id name nameZh }\n      rating { average count }\n    }\n  }\n"): typeof import('./graphql').MyFavouritesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilmIps {\n    filmIps(first: 24) {\n      totalCount\n      edges { node { id title titleZh year synopsis filmingLocations { id nameEn nameZh } } }\n    }\n  }\n"): typeof import('./graphql').FilmIpsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantApplications($merchantId: ID!) {\n    merchantLicenseApplications(merchantId: $merchantId, first: 50) {\n      edges {\n        node { id status pitch createdAt decisionReason offer { id royaltyBps filmIp { title titleZh } } }\n      }\n    }\n  }\n"): typeof import('./graphql').MerchantApplicationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawApplication($id: ID!) {\n    withdrawLicenseApplication(id: $id) { id status }\n  }\n"): typeof import('./graphql').WithdrawApplicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeliveryOptionsOfMerchant($merchantIds: [ID!]!) {\n    deliveryOptions(merchantIds: $merchantIds) {\n      merchantId pickup ship\n      shippingFee { amountMinor currency }\n      freeShippingFrom { amountMinor currency }\n      pickupAddress\n    }\n  }\n"): typeof import('./graphql').DeliveryOptionsOfMerchantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMerchantDeliveryOptions($input: SetDeliveryOptionsInput!) {\n    setDeliveryOptions(input: $input) { merchantId pickup ship }\n  }\n"): typeof import('./graphql').SetMerchantDeliveryOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantLicenses($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, first: 50) {\n      edges {\n        node { id status statusReason royaltyBps categories channels territory startsOn endsOn filmIp { title titleZh } }\n      }\n    }\n  }\n"): typeof import('./graphql').MerchantLicensesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenOffers($first: Int) {\n    licenseOffers(first: $first) {\n      totalCount\n      edges {\n        node {\n          id royaltyBps categories channels territory startsOn endsOn\n          advance { amountMinor currency }\n          minimumGuarantee { amountMinor currency }\n          filmIp { id title titleZh year synopsis }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OpenOffersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyForLicense($input: ApplyForLicenseInput!) {\n    applyForLicense(input: $input) { id status }\n  }\n"): typeof import('./graphql').ApplyForLicenseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantOrders($merchantId: ID!, $status: OrderStatus) {\n    merchantOrders(merchantId: $merchantId, status: $status, first: 20) {\n      totalCount\n      edges {\n        node {\n          id status createdAt paidAt\n          total { amountMinor currency }\n          lines {\n            id kind productName quantity slotStartsAt fulfilment fulfilledAt\n            total { amountMinor currency }\n            refunded { amountMinor currency }\n          }\n          tickets { code orderLineId redeemedAt }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MerchantOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantOrderDeliveries($merchantId: ID!, $status: OrderStatus) {\n    merchantOrders(merchantId: $merchantId, status: $status, first: 20) {\n      edges {\n        node {\n          id\n          delivery {\n            method\n            address { recipient phone province city district street postalCode }\n            fee { amountMinor }\n          }\n          lines { id shipment { carrier trackingNumber } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MerchantOrderDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FulfilOrderLine($orderLineId: ID!, $fulfilment: MerchandiseFulfilment!) {\n    fulfilOrderLine(orderLineId: $orderLineId, fulfilment: $fulfilment) { id status }\n  }\n"): typeof import('./graphql').FulfilOrderLineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShipLines($input: ShipOrderLinesInput!) {\n    shipOrderLines(input: $input) { id status }\n  }\n"): typeof import('./graphql').ShipLinesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HandOverPickup($code: String!) {\n    handOverPickup(code: $code) { id status lines { productName quantity } }\n  }\n"): typeof import('./graphql').HandOverPickupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefundOrderLineFromConsole($orderLineId: ID!) {\n    refundOrderLine(orderLineId: $orderLineId) { id status }\n  }\n"): typeof import('./graphql').RefundOrderLineFromConsoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantProducts($merchantId: ID!) {\n    merchantProducts(merchantId: $merchantId, first: 20) {\n      edges {\n        node {\n          id kind status statusReason name nameZh category\n          filmIp { title titleZh }\n          variants { id sku available stock price { amountMinor currency } }\n          upcomingTimeSlots { id startsAt capacity sold reserved remaining status }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MerchantProductsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActiveLicenses($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, status: ACTIVE, first: 50) {\n      edges { node { id categories filmIp { title titleZh } } }\n    }\n  }\n"): typeof import('./graphql').ActiveLicensesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMerchandise($input: CreateMerchandiseInput!) {\n    createMerchandise(input: $input) { id status }\n  }\n"): typeof import('./graphql').CreateMerchandiseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitProduct($productId: ID!) {\n    submitProductForApproval(productId: $productId) { id status }\n  }\n"): typeof import('./graphql').SubmitProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishProduct($productId: ID!) {\n    publishProduct(productId: $productId) { id status }\n  }\n"): typeof import('./graphql').PublishProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) { variant { id stock available } }\n  }\n"): typeof import('./graphql').AdjustStockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnpublishProduct($productId: ID!) {\n    unpublishProduct(productId: $productId) { id status }\n  }\n"): typeof import('./graphql').UnpublishProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RefundQueue($merchantId: ID!) {\n    merchantRefundRequests(merchantId: $merchantId, status: REQUESTED) {\n      id orderId productName quantity reason createdAt\n      amount { amountMinor currency }\n    }\n  }\n"): typeof import('./graphql').RefundQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideRefund($id: ID!, $approve: Boolean!, $reason: String) {\n    decideRefundRequest(input: { id: $id, approve: $approve, reason: $reason }) { id status }\n  }\n"): typeof import('./graphql').DecideRefundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantSales($merchantId: ID!, $from: Date!, $to: Date!) {\n    merchantSales(merchantId: $merchantId, from: $from, to: $to) {\n      payableBalance { amountMinor currency }\n      licenses {\n        licenseId studioName lineCount\n        gross { amountMinor currency }\n        refunded { amountMinor currency }\n        royalty { amountMinor currency }\n        platformFee { amountMinor currency }\n        merchantShare { amountMinor currency }\n      }\n    }\n  }\n"): typeof import('./graphql').MerchantSalesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LicenseTitles($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, first: 50) { edges { node { id filmIp { title titleZh } } } }\n  }\n"): typeof import('./graphql').LicenseTitlesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeTimeSlotCapacity($input: ChangeTimeSlotCapacityInput!) {\n    changeTimeSlotCapacity(input: $input) { id capacity remaining }\n  }\n"): typeof import('./graphql').ChangeTimeSlotCapacityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTimeSlotStatus($timeSlotId: ID!, $status: TimeSlotStatus!) {\n    setTimeSlotStatus(timeSlotId: $timeSlotId, status: $status) { id status }\n  }\n"): typeof import('./graphql').SetTimeSlotStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddSlot($input: AddTimeSlotInput!) {\n    addTimeSlot(input: $input) { id }\n  }\n"): typeof import('./graphql').AddSlotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeemTicket($code: String!) {\n    redeemTicket(code: $code) { code redeemedAt timeSlotId productName ticketTypeName startsAt endsAt }\n  }\n"): typeof import('./graphql').RedeemTicketDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderDetail($id: ID!) {\n    order(id: $id) {\n      id status createdAt expiresAt paidAt refundDue\n      total { amountMinor currency }\n      lines {\n        id kind productId productName quantity slotStartsAt fulfilment fulfilledAt\n        unitPrice { amountMinor currency }\n        total { amountMinor currency }\n        refunded { amountMinor currency }\n        review { id rating }\n        shipment { carrier trackingNumber shippedAt }\n      }\n      delivery {\n        method\n        address { recipient phone province city district street postalCode }\n        fee { amountMinor currency }\n        merchants { merchantId merchantName pickupCode pickupAddress handedOverAt }\n      }\n      tickets {\n        code qrPayload redeemedAt voidedAt orderLineId productName ticketTypeName startsAt endsAt\n        venue { name nameZh address addressZh mapUrl }\n      }\n      refundRequests { id orderLineId quantity reason status automatic decisionReason amount { amountMinor currency } }\n    }\n  }\n"): typeof import('./graphql').OrderDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestLineRefund($orderLineId: ID!, $quantity: Int, $reason: String!) {\n    requestRefund(input: { orderLineId: $orderLineId, quantity: $quantity, reason: $reason }) { id status }\n  }\n"): typeof import('./graphql').RequestLineRefundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderCalendar($orderId: ID!) {\n    orderCalendar(orderId: $orderId)\n  }\n"): typeof import('./graphql').OrderCalendarDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelOrder($orderId: ID!) {\n    cancelOrder(orderId: $orderId) { id status }\n  }\n"): typeof import('./graphql').CancelOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrders {\n    myOrders(first: 20) {\n      edges { node { id status createdAt total { amountMinor currency } lines { id productName quantity } } }\n    }\n  }\n"): typeof import('./graphql').MyOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductDetail($id: ID!) {\n    product(id: $id) {\n      id kind status category name nameZh description descriptionZh images purchaseLimit verificationCode\n      priceFrom { amountMinor currency }\n      filmIp { id title titleZh }\n      merchant { id name nameZh }\n      media { id url cardUrl thumbnailUrl width height alt altZh }\n      variants { id sku available price { amountMinor currency } }\n      ticketTypes { id name nameZh price { amountMinor currency } }\n      upcomingTimeSlots { id startsAt endsAt remaining status }\n      venue { id name nameZh address addressZh latitude longitude openingNotes }\n      favourited\n      rating { average count }\n      reviews(first: 20) { edges { node { id rating text reply createdAt } } }\n    }\n  }\n"): typeof import('./graphql').ProductDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchProducts($text: String, $filter: ProductFilter, $sort: ProductSearchSort, $first: Int, $after: String) {\n    searchProducts(text: $text, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      facets {\n        categories { category count }\n        filmIps { count filmIp { id title titleZh } }\n      }\n      edges {\n        node {\n          id kind name nameZh category inStock\n          priceFrom { amountMinor currency }\n          filmIp { id title titleZh }\n          merchant { id name nameZh }\n          cover { thumbnailUrl cardUrl alt altZh }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SearchProductsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DesignQueue($studioId: ID!) {\n    studioProducts(studioId: $studioId, status: PENDING_APPROVAL, first: 20) {\n      edges {\n        node {\n          id name nameZh category descriptionZh description\n          filmIp { title titleZh }\n          merchant { name nameZh }\n          variants { id sku price { amountMinor currency } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DesignQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveDesign($productId: ID!) {\n    approveProduct(productId: $productId) { id status }\n  }\n"): typeof import('./graphql').ApproveDesignDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectDesign($productId: ID!, $comments: String!) {\n    rejectProduct(productId: $productId, comments: $comments) { id status }\n  }\n"): typeof import('./graphql').RejectDesignDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioFilmIps($studioId: ID!) {\n    filmIps(studioId: $studioId, first: 50) {\n      totalCount\n      edges { node { id title titleZh year synopsis characters { name nameZh } } }\n    }\n  }\n"): typeof import('./graphql').StudioFilmIpsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFilmIp($input: CreateFilmIpInput!) {\n    createFilmIp(input: $input) { id }\n  }\n"): typeof import('./graphql').CreateFilmIpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncomingApplications($studioId: ID!, $status: LicenseApplicationStatus) {\n    incomingLicenseApplications(studioId: $studioId, status: $status, first: 50) {\n      edges {\n        node {\n          id status pitch createdAt decisionReason merchantId\n          offer { id royaltyBps filmIp { title titleZh } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').IncomingApplicationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveApplication($id: ID!) {\n    approveLicenseApplication(id: $id) { id status }\n  }\n"): typeof import('./graphql').ApproveApplicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectApplication($id: ID!, $reason: String!) {\n    rejectLicenseApplication(id: $id, reason: $reason) { id status }\n  }\n"): typeof import('./graphql').RejectApplicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioLicenses($studioId: ID!) {\n    studioLicenses(studioId: $studioId, first: 50) {\n      edges {\n        node { id status statusReason royaltyBps startsOn endsOn merchantId categories filmIp { title titleZh } }\n      }\n    }\n  }\n"): typeof import('./graphql').StudioLicensesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuspendLicense($id: ID!, $reason: String!) {\n    suspendLicense(id: $id, reason: $reason) { id status }\n  }\n"): typeof import('./graphql').SuspendLicenseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeLicense($id: ID!) {\n    resumeLicense(id: $id) { id status }\n  }\n"): typeof import('./graphql').ResumeLicenseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioOffers($studioId: ID!) {\n    studioLicenseOffers(studioId: $studioId, first: 50) {\n      edges {\n        node { id status royaltyBps categories channels territory startsOn endsOn advance { currency } minimumGuarantee { currency } filmIp { id title titleZh } }\n      }\n    }\n  }\n"): typeof import('./graphql').StudioOffersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishOffer($input: PublishLicenseOfferInput!) {\n    publishLicenseOffer(input: $input) { id }\n  }\n"): typeof import('./graphql').PublishOfferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseOffer($id: ID!) {\n    closeLicenseOffer(id: $id) { id status }\n  }\n"): typeof import('./graphql').CloseOfferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoyaltyTotals($studioId: ID!, $from: Date!, $to: Date!) {\n    royaltyReport(studioId: $studioId, from: $from, to: $to) {\n      currency\n      totals {\n        lineCount\n        gross { amountMinor currency }\n        refunded { amountMinor currency }\n        royalty { amountMinor currency }\n      }\n    }\n  }\n"): typeof import('./graphql').RoyaltyTotalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoyaltySeries($studioId: ID!, $from: Date!, $to: Date!, $by: RoyaltySeriesBy!) {\n    royaltySeries(studioId: $studioId, from: $from, to: $to, by: $by) {\n      month key label\n      gross { amountMinor currency }\n      royalty { amountMinor currency }\n    }\n  }\n"): typeof import('./graphql').RoyaltySeriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoyaltyLines($studioId: ID!, $from: Date!, $to: Date!, $after: String) {\n    royaltyReportLines(studioId: $studioId, from: $from, to: $to, first: 10, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          orderLineId paidAt productName merchantName\n          gross { amountMinor currency }\n          refunded { amountMinor currency }\n          royalty { amountMinor currency }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').RoyaltyLinesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoyaltyStatements($studioId: ID!) {\n    royaltyStatements(studioId: $studioId) {\n      id month status lineCount issuedAt\n      royalty { amountMinor currency }\n      amountDue { amountMinor currency }\n    }\n  }\n"): typeof import('./graphql').RoyaltyStatementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) { accessToken refreshToken }\n  }\n"): typeof import('./graphql').VerifyEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyProduct($code: String!) {\n    verifyProduct(code: $code) {\n      product { id name nameZh }\n      filmIp { title titleZh }\n      studio { name nameZh }\n      merchant { name nameZh }\n      licenseStatus\n      validUntil\n    }\n  }\n"): typeof import('./graphql').VerifyProductDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
