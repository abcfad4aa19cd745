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
    "\n  query BrandAssetList($filmIpId: ID!) {\n    brandAssets(filmIpId: $filmIpId) {\n      id\n      title\n      contentType\n      url\n      expiresAt\n    }\n  }\n": typeof types.BrandAssetListDocument,
    "\n  mutation AddBrandAssetFromStudio($input: AddBrandAssetInput!) {\n    addBrandAsset(input: $input) {\n      id\n    }\n  }\n": typeof types.AddBrandAssetFromStudioDocument,
    "\n  query DeliveryOptionsOf($merchantIds: [ID!]!) {\n    deliveryOptions(merchantIds: $merchantIds) {\n      merchantId\n      pickup\n      ship\n      shippingFee {\n        amountMinor\n        currency\n      }\n      freeShippingFrom {\n        amountMinor\n        currency\n      }\n    }\n  }\n": typeof types.DeliveryOptionsOfDocument,
    "\n  query MyAddresses {\n    myAddresses {\n      id\n      recipient\n      phone\n      province\n      city\n      district\n      street\n      postalCode\n    }\n  }\n": typeof types.MyAddressesDocument,
    "\n  mutation SubmitRound($productId: ID!, $artworkMediaIds: [ID!]!, $note: String) {\n    submitDesignRound(input: { productId: $productId, artworkMediaIds: $artworkMediaIds, note: $note }) {\n      id\n      status\n    }\n  }\n": typeof types.SubmitRoundDocument,
    "\n  query PaymentSettings {\n    paymentSettings {\n      provider\n      stripePublishableKey\n    }\n  }\n": typeof types.PaymentSettingsDocument,
    "\n  mutation DevConfirm($orderId: ID!) {\n    devConfirmPayment(orderId: $orderId) {\n      id\n      status\n    }\n  }\n": typeof types.DevConfirmDocument,
    "\n  query OrganizationLogoOf($id: ID!) {\n    organization(id: $id) {\n      id\n      logo {\n        id\n        thumbnailUrl\n      }\n    }\n  }\n": typeof types.OrganizationLogoOfDocument,
    "\n  mutation SetOrganizationLogo($organizationId: ID!, $mediaId: ID) {\n    setOrganizationLogo(organizationId: $organizationId, mediaId: $mediaId) {\n      id\n    }\n  }\n": typeof types.SetOrganizationLogoDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  query ProductRatings($productIds: [ID!]!) {\n    productRatings(productIds: $productIds) {\n      productId\n      rating {\n        average\n        count\n      }\n    }\n  }\n": typeof types.ProductRatingsDocument,
    "\n  mutation ReviewLine($orderLineId: ID!, $rating: Int!, $text: String) {\n    reviewOrderLine(input: { orderLineId: $orderLineId, rating: $rating, text: $text }) {\n      id\n      rating\n    }\n  }\n": typeof types.ReviewLineDocument,
    "\n  mutation SetFavourite($productId: ID!, $favourite: Boolean!) {\n    setFavourite(productId: $productId, favourite: $favourite)\n  }\n": typeof types.SetFavouriteDocument,
    "\n  query VenuePhotosOf($id: ID!) {\n    venue(id: $id) {\n      id\n      photos {\n        id\n        thumbnailUrl\n      }\n    }\n  }\n": typeof types.VenuePhotosOfDocument,
    "\n  mutation SetVenuePhotos($venueId: ID!, $mediaIds: [ID!]!) {\n    setVenuePhotos(venueId: $venueId, mediaIds: $mediaIds) {\n      id\n    }\n  }\n": typeof types.SetVenuePhotosDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  query FilmIpTitles {\n    filmIps(first: 100) {\n      edges {\n        node {\n          id\n          title\n          titleZh\n        }\n      }\n    }\n  }\n": typeof types.FilmIpTitlesDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      displayName\n      emailVerified\n      memberships {\n        role\n        organization {\n          id\n          kind\n          name\n          nameZh\n        }\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      role\n      organization {\n        id\n        kind\n        name\n        nameZh\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      accessToken\n      refreshToken\n    }\n  }\n": typeof types.LogInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      refreshToken\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) {\n      order {\n        id\n        status\n      }\n      payment {\n        provider\n        clientSecret\n      }\n    }\n  }\n": typeof types.CheckoutDocument,
    "\n  query MyFavourites {\n    myFavourites {\n      id\n      kind\n      name\n      nameZh\n      priceFrom {\n        amountMinor\n        currency\n      }\n      merchant {\n        id\n        name\n        nameZh\n      }\n      rating {\n        average\n        count\n      }\n    }\n  }\n": typeof types.MyFavouritesDocument,
    "\n  query FilmDetail($id: ID!) {\n    filmIp(id: $id) {\n      id\n      title\n      titleZh\n      year\n      synopsis\n      synopsisZh\n      artworkUrls\n      keyArt {\n        url\n        cardUrl\n        width\n        height\n      }\n      studio {\n        id\n        name\n        nameZh\n        logo {\n          id\n          thumbnailUrl\n        }\n      }\n      filmingLocations {\n        id\n        nameEn\n        nameZh\n        mapUrl\n      }\n    }\n  }\n": typeof types.FilmDetailDocument,
    "\n  query FilmIps {\n    filmIps(first: 24) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          titleZh\n          year\n          synopsis\n          synopsisZh\n          filmingLocations {\n            id\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n": typeof types.FilmIpsDocument,
    "\n  query MerchantApplications($merchantId: ID!) {\n    merchantLicenseApplications(merchantId: $merchantId, first: 50) {\n      edges {\n        node {\n          id\n          status\n          pitch\n          createdAt\n          decisionReason\n          offer {\n            id\n            royaltyBps\n            filmIp {\n              title\n              titleZh\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.MerchantApplicationsDocument,
    "\n  mutation WithdrawApplication($id: ID!) {\n    withdrawLicenseApplication(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.WithdrawApplicationDocument,
    "\n  query DeliveryOptionsOfMerchant($merchantIds: [ID!]!) {\n    deliveryOptions(merchantIds: $merchantIds) {\n      merchantId\n      pickup\n      ship\n      shippingFee {\n        amountMinor\n        currency\n      }\n      freeShippingFrom {\n        amountMinor\n        currency\n      }\n      pickupAddress\n    }\n  }\n": typeof types.DeliveryOptionsOfMerchantDocument,
    "\n  mutation SetMerchantDeliveryOptions($input: SetDeliveryOptionsInput!) {\n    setDeliveryOptions(input: $input) {\n      merchantId\n      pickup\n      ship\n    }\n  }\n": typeof types.SetMerchantDeliveryOptionsDocument,
    "\n  query MerchantVenueChoices($merchantId: ID!) {\n    merchantVenues(merchantId: $merchantId, first: 100) {\n      edges {\n        node {\n          id\n          name\n          nameZh\n        }\n      }\n    }\n  }\n": typeof types.MerchantVenueChoicesDocument,
    "\n  mutation CreateMerchantVenue($input: CreateVenueInput!) {\n    createVenue(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateMerchantVenueDocument,
    "\n  mutation CreateMerchantExperience($input: CreateExperienceInput!) {\n    createExperience(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateMerchantExperienceDocument,
    "\n  mutation AddWeeklySlots($input: AddWeeklyTimeSlotsInput!) {\n    addWeeklyTimeSlots(input: $input) {\n      id\n    }\n  }\n": typeof types.AddWeeklySlotsDocument,
    "\n  query MerchantLicenses($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, first: 50) {\n      edges {\n        node {\n          id\n          status\n          statusReason\n          royaltyBps\n          categories\n          channels\n          territory\n          startsOn\n          endsOn\n          filmIp {\n            id\n            title\n            titleZh\n          }\n        }\n      }\n    }\n  }\n": typeof types.MerchantLicensesDocument,
    "\n  mutation CreateMerchandise($input: CreateMerchandiseInput!) {\n    createMerchandise(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CreateMerchandiseDocument,
    "\n  query OpenOffers($first: Int) {\n    licenseOffers(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          royaltyBps\n          categories\n          channels\n          territory\n          startsOn\n          endsOn\n          advance {\n            amountMinor\n            currency\n          }\n          minimumGuarantee {\n            amountMinor\n            currency\n          }\n          filmIp {\n            id\n            title\n            titleZh\n            year\n            synopsis\n          }\n          studio {\n            id\n            name\n            nameZh\n          }\n        }\n      }\n    }\n  }\n": typeof types.OpenOffersDocument,
    "\n  query OfferStandings($merchantId: ID!) {\n    merchantOfferStandings(merchantId: $merchantId) {\n      offerId\n      standing\n    }\n  }\n": typeof types.OfferStandingsDocument,
    "\n  mutation ApplyForLicense($input: ApplyForLicenseInput!) {\n    applyForLicense(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ApplyForLicenseDocument,
    "\n  query MerchantOrders($merchantId: ID!, $status: OrderStatus) {\n    merchantOrders(merchantId: $merchantId, status: $status, first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          status\n          createdAt\n          paidAt\n          total {\n            amountMinor\n            currency\n          }\n          lines {\n            id\n            kind\n            productName\n            productNameZh\n            quantity\n            slotStartsAt\n            fulfilment\n            fulfilledAt\n            total {\n              amountMinor\n              currency\n            }\n            refunded {\n              amountMinor\n              currency\n            }\n          }\n          tickets {\n            code\n            orderLineId\n            redeemedAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.MerchantOrdersDocument,
    "\n  query MerchantOrderDeliveries($merchantId: ID!, $status: OrderStatus) {\n    merchantOrders(merchantId: $merchantId, status: $status, first: 20) {\n      edges {\n        node {\n          id\n          delivery {\n            method\n            address {\n              recipient\n              phone\n              province\n              city\n              district\n              street\n              postalCode\n            }\n            fee {\n              amountMinor\n            }\n          }\n          lines {\n            id\n            shipment {\n              carrier\n              trackingNumber\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.MerchantOrderDeliveriesDocument,
    "\n  mutation FulfilOrderLine($orderLineId: ID!, $fulfilment: MerchandiseFulfilment!) {\n    fulfilOrderLine(orderLineId: $orderLineId, fulfilment: $fulfilment) {\n      id\n      status\n    }\n  }\n": typeof types.FulfilOrderLineDocument,
    "\n  mutation ShipLines($input: ShipOrderLinesInput!) {\n    shipOrderLines(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.ShipLinesDocument,
    "\n  mutation HandOverPickup($code: String!) {\n    handOverPickup(code: $code) {\n      id\n      status\n      lines {\n        productName\n        productNameZh\n        quantity\n      }\n    }\n  }\n": typeof types.HandOverPickupDocument,
    "\n  mutation RefundOrderLineFromConsole($orderLineId: ID!) {\n    refundOrderLine(orderLineId: $orderLineId) {\n      id\n      status\n    }\n  }\n": typeof types.RefundOrderLineFromConsoleDocument,
    "\n  query ActiveLicenses($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, status: ACTIVE, first: 50) {\n      edges {\n        node {\n          id\n          categories\n          filmIp {\n            title\n            titleZh\n          }\n        }\n      }\n    }\n  }\n": typeof types.ActiveLicensesDocument,
    "\n  mutation SetMerchantProductMedia($productId: ID!, $mediaIds: [ID!]!, $alt: [ProductMediaAltInput!]) {\n    setProductMedia(productId: $productId, mediaIds: $mediaIds, alt: $alt) {\n      id\n      status\n    }\n  }\n": typeof types.SetMerchantProductMediaDocument,
    "\n  query MerchantProducts($merchantId: ID!, $filter: MerchantProductFilter, $first: Int, $after: String) {\n    merchantProducts(merchantId: $merchantId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          status\n          statusReason\n          name\n          nameZh\n          category\n          verificationCode\n          filmIp {\n            title\n            titleZh\n          }\n          approvalRounds {\n            id\n            round\n            status\n            note\n            comments\n            submittedAt\n            decidedAt\n            artwork {\n              id\n              url\n              thumbnailUrl\n            }\n          }\n          media {\n            id\n            thumbnailUrl\n            alt\n            altZh\n          }\n          variants {\n            id\n            sku\n            available\n            stock\n            options {\n              name\n              nameZh\n              value\n              valueZh\n            }\n            price {\n              amountMinor\n              currency\n            }\n          }\n          upcomingTimeSlots {\n            id\n            startsAt\n            capacity\n            sold\n            reserved\n            remaining\n            status\n          }\n        }\n      }\n    }\n  }\n": typeof types.MerchantProductsDocument,
    "\n  mutation SubmitProduct($productId: ID!) {\n    submitProductForApproval(productId: $productId) {\n      id\n      status\n    }\n  }\n": typeof types.SubmitProductDocument,
    "\n  mutation PublishProduct($productId: ID!) {\n    publishProduct(productId: $productId) {\n      id\n      status\n    }\n  }\n": typeof types.PublishProductDocument,
    "\n  mutation AdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) {\n      variant {\n        id\n        stock\n        available\n      }\n    }\n  }\n": typeof types.AdjustStockDocument,
    "\n  mutation UnpublishProduct($productId: ID!) {\n    unpublishProduct(productId: $productId) {\n      id\n      status\n    }\n  }\n": typeof types.UnpublishProductDocument,
    "\n  query RefundQueue($merchantId: ID!) {\n    merchantRefundRequests(merchantId: $merchantId, status: REQUESTED) {\n      id\n      orderId\n      productName\n      quantity\n      reason\n      createdAt\n      amount {\n        amountMinor\n        currency\n      }\n    }\n  }\n": typeof types.RefundQueueDocument,
    "\n  mutation DecideRefund($id: ID!, $approve: Boolean!, $reason: String) {\n    decideRefundRequest(input: { id: $id, approve: $approve, reason: $reason }) {\n      id\n      status\n    }\n  }\n": typeof types.DecideRefundDocument,
    "\n  query SalesReportLicenses($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, first: 50) {\n      edges {\n        node {\n          id\n          channels\n          startsOn\n          endsOn\n          filmIp {\n            title\n            titleZh\n          }\n        }\n      }\n    }\n    missingSalesReports(organizationId: $merchantId) {\n      licenseId\n      months\n    }\n  }\n": typeof types.SalesReportLicensesDocument,
    "\n  query LicenseSalesReports($merchantId: ID!, $licenseId: ID!) {\n    salesReports(licenseId: $licenseId) {\n      id\n      month\n      status\n      noSales\n      revision\n      disputeReason\n      totals {\n        gross {\n          amountMinor\n          currency\n        }\n        royalty {\n          amountMinor\n          currency\n        }\n      }\n    }\n    merchantProducts(merchantId: $merchantId, filter: { licenseId: $licenseId }, first: 100) {\n      edges {\n        node {\n          id\n          name\n          nameZh\n          status\n        }\n      }\n    }\n  }\n": typeof types.LicenseSalesReportsDocument,
    "\n  mutation SubmitReport($input: SubmitSalesReportInput!) {\n    submitSalesReport(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.SubmitReportDocument,
    "\n  query MerchantSales($merchantId: ID!, $from: Date!, $to: Date!) {\n    merchantSales(merchantId: $merchantId, from: $from, to: $to) {\n      payableBalance {\n        amountMinor\n        currency\n      }\n      licenses {\n        licenseId\n        studioName\n        lineCount\n        gross {\n          amountMinor\n          currency\n        }\n        refunded {\n          amountMinor\n          currency\n        }\n        royalty {\n          amountMinor\n          currency\n        }\n        platformFee {\n          amountMinor\n          currency\n        }\n        merchantShare {\n          amountMinor\n          currency\n        }\n      }\n    }\n  }\n": typeof types.MerchantSalesDocument,
    "\n  query LicenseTitles($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, first: 50) {\n      edges {\n        node {\n          id\n          filmIp {\n            title\n            titleZh\n          }\n        }\n      }\n    }\n  }\n": typeof types.LicenseTitlesDocument,
    "\n  mutation ChangeTimeSlotCapacity($input: ChangeTimeSlotCapacityInput!) {\n    changeTimeSlotCapacity(input: $input) {\n      id\n      capacity\n      remaining\n    }\n  }\n": typeof types.ChangeTimeSlotCapacityDocument,
    "\n  mutation SetTimeSlotStatus($timeSlotId: ID!, $status: TimeSlotStatus!) {\n    setTimeSlotStatus(timeSlotId: $timeSlotId, status: $status) {\n      id\n      status\n    }\n  }\n": typeof types.SetTimeSlotStatusDocument,
    "\n  mutation AddSlot($input: AddTimeSlotInput!) {\n    addTimeSlot(input: $input) {\n      id\n    }\n  }\n": typeof types.AddSlotDocument,
    "\n  mutation RedeemTicket($code: String!) {\n    redeemTicket(code: $code) {\n      code\n      redeemedAt\n      timeSlotId\n      productName\n      productNameZh\n      ticketTypeName\n      ticketTypeNameZh\n      startsAt\n      endsAt\n    }\n  }\n": typeof types.RedeemTicketDocument,
    "\n  query OrderDetail($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      createdAt\n      expiresAt\n      paidAt\n      refundDue\n      total {\n        amountMinor\n        currency\n      }\n      lines {\n        id\n        kind\n        productId\n        productName\n        productNameZh\n        quantity\n        slotStartsAt\n        fulfilment\n        fulfilledAt\n        unitPrice {\n          amountMinor\n          currency\n        }\n        total {\n          amountMinor\n          currency\n        }\n        refunded {\n          amountMinor\n          currency\n        }\n        review {\n          id\n          rating\n        }\n        shipment {\n          carrier\n          trackingNumber\n          shippedAt\n        }\n      }\n      delivery {\n        method\n        address {\n          recipient\n          phone\n          province\n          city\n          district\n          street\n          postalCode\n        }\n        fee {\n          amountMinor\n          currency\n        }\n        feeRefunded {\n          amountMinor\n          currency\n        }\n        merchants {\n          merchantId\n          merchantName\n          feeRefunded {\n            amountMinor\n            currency\n          }\n          pickupCode\n          pickupAddress\n          handedOverAt\n        }\n      }\n      tickets {\n        code\n        qrPayload\n        redeemedAt\n        voidedAt\n        orderLineId\n        productName\n        productNameZh\n        ticketTypeName\n        ticketTypeNameZh\n        startsAt\n        endsAt\n        venue {\n          name\n          nameZh\n          address\n          addressZh\n          mapUrl\n        }\n      }\n      refundRequests {\n        id\n        orderLineId\n        quantity\n        reason\n        status\n        automatic\n        decisionReason\n        amount {\n          amountMinor\n          currency\n        }\n      }\n    }\n  }\n": typeof types.OrderDetailDocument,
    "\n  mutation RequestLineRefund($orderLineId: ID!, $quantity: Int, $reason: String!) {\n    requestRefund(input: { orderLineId: $orderLineId, quantity: $quantity, reason: $reason }) {\n      id\n      status\n    }\n  }\n": typeof types.RequestLineRefundDocument,
    "\n  query OrderCalendar($orderId: ID!) {\n    orderCalendar(orderId: $orderId)\n  }\n": typeof types.OrderCalendarDocument,
    "\n  mutation CancelOrder($orderId: ID!) {\n    cancelOrder(orderId: $orderId) {\n      id\n      status\n    }\n  }\n": typeof types.CancelOrderDocument,
    "\n  query MyOrders {\n    myOrders(first: 20) {\n      edges {\n        node {\n          id\n          status\n          createdAt\n          total {\n            amountMinor\n            currency\n          }\n          lines {\n            id\n            productName\n            productNameZh\n            quantity\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyOrdersDocument,
    "\n  query ProductDetail($id: ID!) {\n    product(id: $id) {\n      id\n      kind\n      status\n      category\n      name\n      nameZh\n      description\n      descriptionZh\n      images\n      purchaseLimit\n      verificationCode\n      priceFrom {\n        amountMinor\n        currency\n      }\n      filmIp {\n        id\n        title\n        titleZh\n      }\n      merchant {\n        id\n        name\n        nameZh\n        logo {\n          id\n          thumbnailUrl\n        }\n      }\n      media {\n        id\n        url\n        cardUrl\n        thumbnailUrl\n        width\n        height\n        alt\n        altZh\n      }\n      variants {\n        id\n        sku\n        available\n        options {\n          name\n          nameZh\n          value\n          valueZh\n        }\n        price {\n          amountMinor\n          currency\n        }\n      }\n      ticketTypes {\n        id\n        name\n        nameZh\n        price {\n          amountMinor\n          currency\n        }\n      }\n      upcomingTimeSlots {\n        id\n        startsAt\n        endsAt\n        remaining\n        status\n      }\n      venue {\n        id\n        name\n        nameZh\n        address\n        addressZh\n        latitude\n        longitude\n        openingNotes\n        photos {\n          id\n          url\n          cardUrl\n          thumbnailUrl\n        }\n      }\n      favourited\n      rating {\n        average\n        count\n      }\n      reviews(first: 20) {\n        edges {\n          node {\n            id\n            rating\n            text\n            reply\n            createdAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProductDetailDocument,
    "\n  query SearchProducts($text: String, $filter: ProductFilter, $sort: ProductSearchSort, $first: Int, $after: String) {\n    searchProducts(text: $text, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      facets {\n        categories {\n          category\n          count\n        }\n        filmIps {\n          count\n          filmIp {\n            id\n            title\n            titleZh\n          }\n        }\n      }\n      edges {\n        node {\n          id\n          kind\n          name\n          nameZh\n          category\n          inStock\n          priceFrom {\n            amountMinor\n            currency\n          }\n          filmIp {\n            id\n            title\n            titleZh\n          }\n          merchant {\n            id\n            name\n            nameZh\n          }\n          cover {\n            thumbnailUrl\n            cardUrl\n            alt\n            altZh\n          }\n        }\n      }\n    }\n  }\n": typeof types.SearchProductsDocument,
    "\n  query DesignQueue($studioId: ID!) {\n    studioProducts(studioId: $studioId, status: PENDING_APPROVAL, first: 20) {\n      edges {\n        node {\n          id\n          name\n          nameZh\n          category\n          descriptionZh\n          description\n          filmIp {\n            title\n            titleZh\n          }\n          merchant {\n            name\n            nameZh\n          }\n          variants {\n            id\n            sku\n            price {\n              amountMinor\n              currency\n            }\n          }\n          approvalRounds {\n            id\n            round\n            status\n            note\n            comments\n            submittedAt\n            decidedAt\n            artwork {\n              id\n              url\n              thumbnailUrl\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.DesignQueueDocument,
    "\n  mutation ApproveDesign($productId: ID!) {\n    approveProduct(productId: $productId) {\n      id\n      status\n    }\n  }\n": typeof types.ApproveDesignDocument,
    "\n  mutation RequestDesignChangesFromStudio($productId: ID!, $comments: String!) {\n    requestDesignChanges(productId: $productId, comments: $comments) {\n      id\n      status\n    }\n  }\n": typeof types.RequestDesignChangesFromStudioDocument,
    "\n  mutation RejectDesign($productId: ID!, $comments: String!) {\n    rejectProduct(productId: $productId, comments: $comments) {\n      id\n      status\n    }\n  }\n": typeof types.RejectDesignDocument,
    "\n  query StudioFilmIps($studioId: ID!) {\n    filmIps(studioId: $studioId, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          titleZh\n          year\n          synopsis\n          keyArt {\n            id\n            thumbnailUrl\n          }\n          characters {\n            name\n            nameZh\n          }\n        }\n      }\n    }\n  }\n": typeof types.StudioFilmIpsDocument,
    "\n  mutation CreateFilmIp($input: CreateFilmIpInput!) {\n    createFilmIp(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateFilmIpDocument,
    "\n  mutation SetFilmIpKeyArt($filmIpId: ID!, $mediaId: ID) {\n    setFilmIpKeyArt(filmIpId: $filmIpId, mediaId: $mediaId) {\n      id\n    }\n  }\n": typeof types.SetFilmIpKeyArtDocument,
    "\n  query IncomingApplications($studioId: ID!, $status: LicenseApplicationStatus) {\n    incomingLicenseApplications(studioId: $studioId, status: $status, first: 50) {\n      edges {\n        node {\n          id\n          status\n          pitch\n          createdAt\n          decisionReason\n          merchantId\n          merchant {\n            name\n            nameZh\n          }\n          offer {\n            id\n            royaltyBps\n            filmIp {\n              title\n              titleZh\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.IncomingApplicationsDocument,
    "\n  mutation ApproveApplication($id: ID!) {\n    approveLicenseApplication(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ApproveApplicationDocument,
    "\n  mutation RejectApplication($id: ID!, $reason: String!) {\n    rejectLicenseApplication(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.RejectApplicationDocument,
    "\n  query StudioLicenses($studioId: ID!) {\n    studioLicenses(studioId: $studioId, first: 50) {\n      edges {\n        node {\n          id\n          status\n          statusReason\n          royaltyBps\n          startsOn\n          endsOn\n          merchantId\n          merchant {\n            name\n            nameZh\n          }\n          categories\n          filmIp {\n            title\n            titleZh\n          }\n        }\n      }\n    }\n  }\n": typeof types.StudioLicensesDocument,
    "\n  mutation SuspendLicense($id: ID!, $reason: String!) {\n    suspendLicense(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.SuspendLicenseDocument,
    "\n  mutation ResumeLicense($id: ID!) {\n    resumeLicense(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ResumeLicenseDocument,
    "\n  query StudioOffers($studioId: ID!) {\n    studioLicenseOffers(studioId: $studioId, first: 50) {\n      edges {\n        node {\n          id\n          status\n          royaltyBps\n          categories\n          channels\n          territory\n          startsOn\n          endsOn\n          advance {\n            currency\n          }\n          minimumGuarantee {\n            currency\n          }\n          filmIp {\n            id\n            title\n            titleZh\n          }\n        }\n      }\n    }\n  }\n": typeof types.StudioOffersDocument,
    "\n  mutation PublishOffer($input: PublishLicenseOfferInput!) {\n    publishLicenseOffer(input: $input) {\n      id\n    }\n  }\n": typeof types.PublishOfferDocument,
    "\n  mutation CloseOffer($id: ID!) {\n    closeLicenseOffer(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.CloseOfferDocument,
    "\n  query RoyaltyTotals($studioId: ID!, $from: Date!, $to: Date!) {\n    royaltyReport(studioId: $studioId, from: $from, to: $to) {\n      currency\n      totals {\n        lineCount\n        gross {\n          amountMinor\n          currency\n        }\n        refunded {\n          amountMinor\n          currency\n        }\n        royalty {\n          amountMinor\n          currency\n        }\n      }\n    }\n  }\n": typeof types.RoyaltyTotalsDocument,
    "\n  query RoyaltySeries($studioId: ID!, $from: Date!, $to: Date!, $by: RoyaltySeriesBy!) {\n    royaltySeries(studioId: $studioId, from: $from, to: $to, by: $by) {\n      month\n      key\n      label\n      gross {\n        amountMinor\n        currency\n      }\n      royalty {\n        amountMinor\n        currency\n      }\n    }\n  }\n": typeof types.RoyaltySeriesDocument,
    "\n  query RoyaltyLines($studioId: ID!, $from: Date!, $to: Date!, $after: String) {\n    royaltyReportLines(studioId: $studioId, from: $from, to: $to, first: 10, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          orderLineId\n          paidAt\n          productName\n          productNameZh\n          merchantName\n          gross {\n            amountMinor\n            currency\n          }\n          refunded {\n            amountMinor\n            currency\n          }\n          royalty {\n            amountMinor\n            currency\n          }\n        }\n      }\n    }\n  }\n": typeof types.RoyaltyLinesDocument,
    "\n  query RoyaltyStatements($studioId: ID!) {\n    royaltyStatements(studioId: $studioId) {\n      id\n      month\n      version\n      status\n      lineCount\n      issuedAt\n      royalty {\n        amountMinor\n        currency\n      }\n      periodRoyalty {\n        amountMinor\n        currency\n      }\n      unstatedEarlier {\n        amountMinor\n        currency\n      }\n      adjustments {\n        amountMinor\n        currency\n      }\n      previouslyPaid {\n        amountMinor\n        currency\n      }\n      amountDue {\n        amountMinor\n        currency\n      }\n    }\n  }\n": typeof types.RoyaltyStatementsDocument,
    "\n  mutation IssueStatement($studioId: ID!, $month: String!) {\n    issueRoyaltyStatement(studioId: $studioId, month: $month) {\n      id\n    }\n  }\n": typeof types.IssueStatementDocument,
    "\n  mutation ReissueStatement($studioId: ID!, $month: String!) {\n    reissueRoyaltyStatement(studioId: $studioId, month: $month) {\n      id\n    }\n  }\n": typeof types.ReissueStatementDocument,
    "\n  query StudioSalesReportQueue($studioId: ID!) {\n    studioSalesReports(studioId: $studioId, status: SUBMITTED) {\n      id\n      month\n      merchantName\n      merchantNameZh\n      noSales\n      revision\n      totals {\n        gross {\n          amountMinor\n          currency\n        }\n        royalty {\n          amountMinor\n          currency\n        }\n      }\n      lines {\n        lineNo\n        productName\n        channel\n        quantity\n        gross {\n          amountMinor\n          currency\n        }\n      }\n    }\n    missingSalesReports(organizationId: $studioId) {\n      licenseId\n      merchantName\n      merchantNameZh\n      months\n    }\n  }\n": typeof types.StudioSalesReportQueueDocument,
    "\n  mutation DecideReport($id: ID!, $accept: Boolean!, $reason: String) {\n    decideSalesReport(input: { id: $id, accept: $accept, reason: $reason }) {\n      id\n      status\n    }\n  }\n": typeof types.DecideReportDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      accessToken\n      refreshToken\n    }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  query VerifyProduct($code: String!) {\n    verifyProduct(code: $code) {\n      product {\n        id\n        name\n        nameZh\n      }\n      filmIp {\n        title\n        titleZh\n      }\n      studio {\n        name\n        nameZh\n      }\n      merchant {\n        name\n        nameZh\n      }\n      licenseStatus\n      validUntil\n    }\n  }\n": typeof types.VerifyProductDocument,
};
const documents: Documents = {
    "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n": types.ResendVerificationEmailDocument,
    "\n  query BrandAssetList($filmIpId: ID!) {\n    brandAssets(filmIpId: $filmIpId) {\n      id\n      title\n      contentType\n      url\n      expiresAt\n    }\n  }\n": types.BrandAssetListDocument,
    "\n  mutation AddBrandAssetFromStudio($input: AddBrandAssetInput!) {\n    addBrandAsset(input: $input) {\n      id\n    }\n  }\n": types.AddBrandAssetFromStudioDocument,
    "\n  query DeliveryOptionsOf($merchantIds: [ID!]!) {\n    deliveryOptions(merchantIds: $merchantIds) {\n      merchantId\n      pickup\n      ship\n      shippingFee {\n        amountMinor\n        currency\n      }\n      freeShippingFrom {\n        amountMinor\n        currency\n      }\n    }\n  }\n": types.DeliveryOptionsOfDocument,
    "\n  query MyAddresses {\n    myAddresses {\n      id\n      recipient\n      phone\n      province\n      city\n      district\n      street\n      postalCode\n    }\n  }\n": types.MyAddressesDocument,
    "\n  mutation SubmitRound($productId: ID!, $artworkMediaIds: [ID!]!, $note: String) {\n    submitDesignRound(input: { productId: $productId, artworkMediaIds: $artworkMediaIds, note: $note }) {\n      id\n      status\n    }\n  }\n": types.SubmitRoundDocument,
    "\n  query PaymentSettings {\n    paymentSettings {\n      provider\n      stripePublishableKey\n    }\n  }\n": types.PaymentSettingsDocument,
    "\n  mutation DevConfirm($orderId: ID!) {\n    devConfirmPayment(orderId: $orderId) {\n      id\n      status\n    }\n  }\n": types.DevConfirmDocument,
    "\n  query OrganizationLogoOf($id: ID!) {\n    organization(id: $id) {\n      id\n      logo {\n        id\n        thumbnailUrl\n      }\n    }\n  }\n": types.OrganizationLogoOfDocument,
    "\n  mutation SetOrganizationLogo($organizationId: ID!, $mediaId: ID) {\n    setOrganizationLogo(organizationId: $organizationId, mediaId: $mediaId) {\n      id\n    }\n  }\n": types.SetOrganizationLogoDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n    }\n  }\n": types.CreateOrganizationDocument,
    "\n  query ProductRatings($productIds: [ID!]!) {\n    productRatings(productIds: $productIds) {\n      productId\n      rating {\n        average\n        count\n      }\n    }\n  }\n": types.ProductRatingsDocument,
    "\n  mutation ReviewLine($orderLineId: ID!, $rating: Int!, $text: String) {\n    reviewOrderLine(input: { orderLineId: $orderLineId, rating: $rating, text: $text }) {\n      id\n      rating\n    }\n  }\n": types.ReviewLineDocument,
    "\n  mutation SetFavourite($productId: ID!, $favourite: Boolean!) {\n    setFavourite(productId: $productId, favourite: $favourite)\n  }\n": types.SetFavouriteDocument,
    "\n  query VenuePhotosOf($id: ID!) {\n    venue(id: $id) {\n      id\n      photos {\n        id\n        thumbnailUrl\n      }\n    }\n  }\n": types.VenuePhotosOfDocument,
    "\n  mutation SetVenuePhotos($venueId: ID!, $mediaIds: [ID!]!) {\n    setVenuePhotos(venueId: $venueId, mediaIds: $mediaIds) {\n      id\n    }\n  }\n": types.SetVenuePhotosDocument,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  query FilmIpTitles {\n    filmIps(first: 100) {\n      edges {\n        node {\n          id\n          title\n          titleZh\n        }\n      }\n    }\n  }\n": types.FilmIpTitlesDocument,
    "\n  query Me {\n    me {\n      id\n      email\n      displayName\n      emailVerified\n      memberships {\n        role\n        organization {\n          id\n          kind\n          name\n          nameZh\n        }\n      }\n    }\n  }\n": types.MeDocument,
    "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      role\n      organization {\n        id\n        kind\n        name\n        nameZh\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      accessToken\n      refreshToken\n    }\n  }\n": types.LogInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      refreshToken\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) {\n      order {\n        id\n        status\n      }\n      payment {\n        provider\n        clientSecret\n      }\n    }\n  }\n": types.CheckoutDocument,
    "\n  query MyFavourites {\n    myFavourites {\n      id\n      kind\n      name\n      nameZh\n      priceFrom {\n        amountMinor\n        currency\n      }\n      merchant {\n        id\n        name\n        nameZh\n      }\n      rating {\n        average\n        count\n      }\n    }\n  }\n": types.MyFavouritesDocument,
    "\n  query FilmDetail($id: ID!) {\n    filmIp(id: $id) {\n      id\n      title\n      titleZh\n      year\n      synopsis\n      synopsisZh\n      artworkUrls\n      keyArt {\n        url\n        cardUrl\n        width\n        height\n      }\n      studio {\n        id\n        name\n        nameZh\n        logo {\n          id\n          thumbnailUrl\n        }\n      }\n      filmingLocations {\n        id\n        nameEn\n        nameZh\n        mapUrl\n      }\n    }\n  }\n": types.FilmDetailDocument,
    "\n  query FilmIps {\n    filmIps(first: 24) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          titleZh\n          year\n          synopsis\n          synopsisZh\n          filmingLocations {\n            id\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n": types.FilmIpsDocument,
    "\n  query MerchantApplications($merchantId: ID!) {\n    merchantLicenseApplications(merchantId: $merchantId, first: 50) {\n      edges {\n        node {\n          id\n          status\n          pitch\n          createdAt\n          decisionReason\n          offer {\n            id\n            royaltyBps\n            filmIp {\n              title\n              titleZh\n            }\n          }\n        }\n      }\n    }\n  }\n": types.MerchantApplicationsDocument,
    "\n  mutation WithdrawApplication($id: ID!) {\n    withdrawLicenseApplication(id: $id) {\n      id\n      status\n    }\n  }\n": types.WithdrawApplicationDocument,
    "\n  query DeliveryOptionsOfMerchant($merchantIds: [ID!]!) {\n    deliveryOptions(merchantIds: $merchantIds) {\n      merchantId\n      pickup\n      ship\n      shippingFee {\n        amountMinor\n        currency\n      }\n      freeShippingFrom {\n        amountMinor\n        currency\n      }\n      pickupAddress\n    }\n  }\n": types.DeliveryOptionsOfMerchantDocument,
    "\n  mutation SetMerchantDeliveryOptions($input: SetDeliveryOptionsInput!) {\n    setDeliveryOptions(input: $input) {\n      merchantId\n      pickup\n      ship\n    }\n  }\n": types.SetMerchantDeliveryOptionsDocument,
    "\n  query MerchantVenueChoices($merchantId: ID!) {\n    merchantVenues(merchantId: $merchantId, first: 100) {\n      edges {\n        node {\n          id\n          name\n          nameZh\n        }\n      }\n    }\n  }\n": types.MerchantVenueChoicesDocument,
    "\n  mutation CreateMerchantVenue($input: CreateVenueInput!) {\n    createVenue(input: $input) {\n      id\n    }\n  }\n": types.CreateMerchantVenueDocument,
    "\n  mutation CreateMerchantExperience($input: CreateExperienceInput!) {\n    createExperience(input: $input) {\n      id\n    }\n  }\n": types.CreateMerchantExperienceDocument,
    "\n  mutation AddWeeklySlots($input: AddWeeklyTimeSlotsInput!) {\n    addWeeklyTimeSlots(input: $input) {\n      id\n    }\n  }\n": types.AddWeeklySlotsDocument,
    "\n  query MerchantLicenses($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, first: 50) {\n      edges {\n        node {\n          id\n          status\n          statusReason\n          royaltyBps\n          categories\n          channels\n          territory\n          startsOn\n          endsOn\n          filmIp {\n            id\n            title\n            titleZh\n          }\n        }\n      }\n    }\n  }\n": types.MerchantLicensesDocument,
    "\n  mutation CreateMerchandise($input: CreateMerchandiseInput!) {\n    createMerchandise(input: $input) {\n      id\n      status\n    }\n  }\n": types.CreateMerchandiseDocument,
    "\n  query OpenOffers($first: Int) {\n    licenseOffers(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          royaltyBps\n          categories\n          channels\n          territory\n          startsOn\n          endsOn\n          advance {\n            amountMinor\n            currency\n          }\n          minimumGuarantee {\n            amountMinor\n            currency\n          }\n          filmIp {\n            id\n            title\n            titleZh\n            year\n            synopsis\n          }\n          studio {\n            id\n            name\n            nameZh\n          }\n        }\n      }\n    }\n  }\n": types.OpenOffersDocument,
    "\n  query OfferStandings($merchantId: ID!) {\n    merchantOfferStandings(merchantId: $merchantId) {\n      offerId\n      standing\n    }\n  }\n": types.OfferStandingsDocument,
    "\n  mutation ApplyForLicense($input: ApplyForLicenseInput!) {\n    applyForLicense(input: $input) {\n      id\n      status\n    }\n  }\n": types.ApplyForLicenseDocument,
    "\n  query MerchantOrders($merchantId: ID!, $status: OrderStatus) {\n    merchantOrders(merchantId: $merchantId, status: $status, first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          status\n          createdAt\n          paidAt\n          total {\n            amountMinor\n            currency\n          }\n          lines {\n            id\n            kind\n            productName\n            productNameZh\n            quantity\n            slotStartsAt\n            fulfilment\n            fulfilledAt\n            total {\n              amountMinor\n              currency\n            }\n            refunded {\n              amountMinor\n              currency\n            }\n          }\n          tickets {\n            code\n            orderLineId\n            redeemedAt\n          }\n        }\n      }\n    }\n  }\n": types.MerchantOrdersDocument,
    "\n  query MerchantOrderDeliveries($merchantId: ID!, $status: OrderStatus) {\n    merchantOrders(merchantId: $merchantId, status: $status, first: 20) {\n      edges {\n        node {\n          id\n          delivery {\n            method\n            address {\n              recipient\n              phone\n              province\n              city\n              district\n              street\n              postalCode\n            }\n            fee {\n              amountMinor\n            }\n          }\n          lines {\n            id\n            shipment {\n              carrier\n              trackingNumber\n            }\n          }\n        }\n      }\n    }\n  }\n": types.MerchantOrderDeliveriesDocument,
    "\n  mutation FulfilOrderLine($orderLineId: ID!, $fulfilment: MerchandiseFulfilment!) {\n    fulfilOrderLine(orderLineId: $orderLineId, fulfilment: $fulfilment) {\n      id\n      status\n    }\n  }\n": types.FulfilOrderLineDocument,
    "\n  mutation ShipLines($input: ShipOrderLinesInput!) {\n    shipOrderLines(input: $input) {\n      id\n      status\n    }\n  }\n": types.ShipLinesDocument,
    "\n  mutation HandOverPickup($code: String!) {\n    handOverPickup(code: $code) {\n      id\n      status\n      lines {\n        productName\n        productNameZh\n        quantity\n      }\n    }\n  }\n": types.HandOverPickupDocument,
    "\n  mutation RefundOrderLineFromConsole($orderLineId: ID!) {\n    refundOrderLine(orderLineId: $orderLineId) {\n      id\n      status\n    }\n  }\n": types.RefundOrderLineFromConsoleDocument,
    "\n  query ActiveLicenses($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, status: ACTIVE, first: 50) {\n      edges {\n        node {\n          id\n          categories\n          filmIp {\n            title\n            titleZh\n          }\n        }\n      }\n    }\n  }\n": types.ActiveLicensesDocument,
    "\n  mutation SetMerchantProductMedia($productId: ID!, $mediaIds: [ID!]!, $alt: [ProductMediaAltInput!]) {\n    setProductMedia(productId: $productId, mediaIds: $mediaIds, alt: $alt) {\n      id\n      status\n    }\n  }\n": types.SetMerchantProductMediaDocument,
    "\n  query MerchantProducts($merchantId: ID!, $filter: MerchantProductFilter, $first: Int, $after: String) {\n    merchantProducts(merchantId: $merchantId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          status\n          statusReason\n          name\n          nameZh\n          category\n          verificationCode\n          filmIp {\n            title\n            titleZh\n          }\n          approvalRounds {\n            id\n            round\n            status\n            note\n            comments\n            submittedAt\n            decidedAt\n            artwork {\n              id\n              url\n              thumbnailUrl\n            }\n          }\n          media {\n            id\n            thumbnailUrl\n            alt\n            altZh\n          }\n          variants {\n            id\n            sku\n            available\n            stock\n            options {\n              name\n              nameZh\n              value\n              valueZh\n            }\n            price {\n              amountMinor\n              currency\n            }\n          }\n          upcomingTimeSlots {\n            id\n            startsAt\n            capacity\n            sold\n            reserved\n            remaining\n            status\n          }\n        }\n      }\n    }\n  }\n": types.MerchantProductsDocument,
    "\n  mutation SubmitProduct($productId: ID!) {\n    submitProductForApproval(productId: $productId) {\n      id\n      status\n    }\n  }\n": types.SubmitProductDocument,
    "\n  mutation PublishProduct($productId: ID!) {\n    publishProduct(productId: $productId) {\n      id\n      status\n    }\n  }\n": types.PublishProductDocument,
    "\n  mutation AdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) {\n      variant {\n        id\n        stock\n        available\n      }\n    }\n  }\n": types.AdjustStockDocument,
    "\n  mutation UnpublishProduct($productId: ID!) {\n    unpublishProduct(productId: $productId) {\n      id\n      status\n    }\n  }\n": types.UnpublishProductDocument,
    "\n  query RefundQueue($merchantId: ID!) {\n    merchantRefundRequests(merchantId: $merchantId, status: REQUESTED) {\n      id\n      orderId\n      productName\n      quantity\n      reason\n      createdAt\n      amount {\n        amountMinor\n        currency\n      }\n    }\n  }\n": types.RefundQueueDocument,
    "\n  mutation DecideRefund($id: ID!, $approve: Boolean!, $reason: String) {\n    decideRefundRequest(input: { id: $id, approve: $approve, reason: $reason }) {\n      id\n      status\n    }\n  }\n": types.DecideRefundDocument,
    "\n  query SalesReportLicenses($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, first: 50) {\n      edges {\n        node {\n          id\n          channels\n          startsOn\n          endsOn\n          filmIp {\n            title\n            titleZh\n          }\n        }\n      }\n    }\n    missingSalesReports(organizationId: $merchantId) {\n      licenseId\n      months\n    }\n  }\n": types.SalesReportLicensesDocument,
    "\n  query LicenseSalesReports($merchantId: ID!, $licenseId: ID!) {\n    salesReports(licenseId: $licenseId) {\n      id\n      month\n      status\n      noSales\n      revision\n      disputeReason\n      totals {\n        gross {\n          amountMinor\n          currency\n        }\n        royalty {\n          amountMinor\n          currency\n        }\n      }\n    }\n    merchantProducts(merchantId: $merchantId, filter: { licenseId: $licenseId }, first: 100) {\n      edges {\n        node {\n          id\n          name\n          nameZh\n          status\n        }\n      }\n    }\n  }\n": types.LicenseSalesReportsDocument,
    "\n  mutation SubmitReport($input: SubmitSalesReportInput!) {\n    submitSalesReport(input: $input) {\n      id\n      status\n    }\n  }\n": types.SubmitReportDocument,
    "\n  query MerchantSales($merchantId: ID!, $from: Date!, $to: Date!) {\n    merchantSales(merchantId: $merchantId, from: $from, to: $to) {\n      payableBalance {\n        amountMinor\n        currency\n      }\n      licenses {\n        licenseId\n        studioName\n        lineCount\n        gross {\n          amountMinor\n          currency\n        }\n        refunded {\n          amountMinor\n          currency\n        }\n        royalty {\n          amountMinor\n          currency\n        }\n        platformFee {\n          amountMinor\n          currency\n        }\n        merchantShare {\n          amountMinor\n          currency\n        }\n      }\n    }\n  }\n": types.MerchantSalesDocument,
    "\n  query LicenseTitles($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, first: 50) {\n      edges {\n        node {\n          id\n          filmIp {\n            title\n            titleZh\n          }\n        }\n      }\n    }\n  }\n": types.LicenseTitlesDocument,
    "\n  mutation ChangeTimeSlotCapacity($input: ChangeTimeSlotCapacityInput!) {\n    changeTimeSlotCapacity(input: $input) {\n      id\n      capacity\n      remaining\n    }\n  }\n": types.ChangeTimeSlotCapacityDocument,
    "\n  mutation SetTimeSlotStatus($timeSlotId: ID!, $status: TimeSlotStatus!) {\n    setTimeSlotStatus(timeSlotId: $timeSlotId, status: $status) {\n      id\n      status\n    }\n  }\n": types.SetTimeSlotStatusDocument,
    "\n  mutation AddSlot($input: AddTimeSlotInput!) {\n    addTimeSlot(input: $input) {\n      id\n    }\n  }\n": types.AddSlotDocument,
    "\n  mutation RedeemTicket($code: String!) {\n    redeemTicket(code: $code) {\n      code\n      redeemedAt\n      timeSlotId\n      productName\n      productNameZh\n      ticketTypeName\n      ticketTypeNameZh\n      startsAt\n      endsAt\n    }\n  }\n": types.RedeemTicketDocument,
    "\n  query OrderDetail($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      createdAt\n      expiresAt\n      paidAt\n      refundDue\n      total {\n        amountMinor\n        currency\n      }\n      lines {\n        id\n        kind\n        productId\n        productName\n        productNameZh\n        quantity\n        slotStartsAt\n        fulfilment\n        fulfilledAt\n        unitPrice {\n          amountMinor\n          currency\n        }\n        total {\n          amountMinor\n          currency\n        }\n        refunded {\n          amountMinor\n          currency\n        }\n        review {\n          id\n          rating\n        }\n        shipment {\n          carrier\n          trackingNumber\n          shippedAt\n        }\n      }\n      delivery {\n        method\n        address {\n          recipient\n          phone\n          province\n          city\n          district\n          street\n          postalCode\n        }\n        fee {\n          amountMinor\n          currency\n        }\n        feeRefunded {\n          amountMinor\n          currency\n        }\n        merchants {\n          merchantId\n          merchantName\n          feeRefunded {\n            amountMinor\n            currency\n          }\n          pickupCode\n          pickupAddress\n          handedOverAt\n        }\n      }\n      tickets {\n        code\n        qrPayload\n        redeemedAt\n        voidedAt\n        orderLineId\n        productName\n        productNameZh\n        ticketTypeName\n        ticketTypeNameZh\n        startsAt\n        endsAt\n        venue {\n          name\n          nameZh\n          address\n          addressZh\n          mapUrl\n        }\n      }\n      refundRequests {\n        id\n        orderLineId\n        quantity\n        reason\n        status\n        automatic\n        decisionReason\n        amount {\n          amountMinor\n          currency\n        }\n      }\n    }\n  }\n": types.OrderDetailDocument,
    "\n  mutation RequestLineRefund($orderLineId: ID!, $quantity: Int, $reason: String!) {\n    requestRefund(input: { orderLineId: $orderLineId, quantity: $quantity, reason: $reason }) {\n      id\n      status\n    }\n  }\n": types.RequestLineRefundDocument,
    "\n  query OrderCalendar($orderId: ID!) {\n    orderCalendar(orderId: $orderId)\n  }\n": types.OrderCalendarDocument,
    "\n  mutation CancelOrder($orderId: ID!) {\n    cancelOrder(orderId: $orderId) {\n      id\n      status\n    }\n  }\n": types.CancelOrderDocument,
    "\n  query MyOrders {\n    myOrders(first: 20) {\n      edges {\n        node {\n          id\n          status\n          createdAt\n          total {\n            amountMinor\n            currency\n          }\n          lines {\n            id\n            productName\n            productNameZh\n            quantity\n          }\n        }\n      }\n    }\n  }\n": types.MyOrdersDocument,
    "\n  query ProductDetail($id: ID!) {\n    product(id: $id) {\n      id\n      kind\n      status\n      category\n      name\n      nameZh\n      description\n      descriptionZh\n      images\n      purchaseLimit\n      verificationCode\n      priceFrom {\n        amountMinor\n        currency\n      }\n      filmIp {\n        id\n        title\n        titleZh\n      }\n      merchant {\n        id\n        name\n        nameZh\n        logo {\n          id\n          thumbnailUrl\n        }\n      }\n      media {\n        id\n        url\n        cardUrl\n        thumbnailUrl\n        width\n        height\n        alt\n        altZh\n      }\n      variants {\n        id\n        sku\n        available\n        options {\n          name\n          nameZh\n          value\n          valueZh\n        }\n        price {\n          amountMinor\n          currency\n        }\n      }\n      ticketTypes {\n        id\n        name\n        nameZh\n        price {\n          amountMinor\n          currency\n        }\n      }\n      upcomingTimeSlots {\n        id\n        startsAt\n        endsAt\n        remaining\n        status\n      }\n      venue {\n        id\n        name\n        nameZh\n        address\n        addressZh\n        latitude\n        longitude\n        openingNotes\n        photos {\n          id\n          url\n          cardUrl\n          thumbnailUrl\n        }\n      }\n      favourited\n      rating {\n        average\n        count\n      }\n      reviews(first: 20) {\n        edges {\n          node {\n            id\n            rating\n            text\n            reply\n            createdAt\n          }\n        }\n      }\n    }\n  }\n": types.ProductDetailDocument,
    "\n  query SearchProducts($text: String, $filter: ProductFilter, $sort: ProductSearchSort, $first: Int, $after: String) {\n    searchProducts(text: $text, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      facets {\n        categories {\n          category\n          count\n        }\n        filmIps {\n          count\n          filmIp {\n            id\n            title\n            titleZh\n          }\n        }\n      }\n      edges {\n        node {\n          id\n          kind\n          name\n          nameZh\n          category\n          inStock\n          priceFrom {\n            amountMinor\n            currency\n          }\n          filmIp {\n            id\n            title\n            titleZh\n          }\n          merchant {\n            id\n            name\n            nameZh\n          }\n          cover {\n            thumbnailUrl\n            cardUrl\n            alt\n            altZh\n          }\n        }\n      }\n    }\n  }\n": types.SearchProductsDocument,
    "\n  query DesignQueue($studioId: ID!) {\n    studioProducts(studioId: $studioId, status: PENDING_APPROVAL, first: 20) {\n      edges {\n        node {\n          id\n          name\n          nameZh\n          category\n          descriptionZh\n          description\n          filmIp {\n            title\n            titleZh\n          }\n          merchant {\n            name\n            nameZh\n          }\n          variants {\n            id\n            sku\n            price {\n              amountMinor\n              currency\n            }\n          }\n          approvalRounds {\n            id\n            round\n            status\n            note\n            comments\n            submittedAt\n            decidedAt\n            artwork {\n              id\n              url\n              thumbnailUrl\n            }\n          }\n        }\n      }\n    }\n  }\n": types.DesignQueueDocument,
    "\n  mutation ApproveDesign($productId: ID!) {\n    approveProduct(productId: $productId) {\n      id\n      status\n    }\n  }\n": types.ApproveDesignDocument,
    "\n  mutation RequestDesignChangesFromStudio($productId: ID!, $comments: String!) {\n    requestDesignChanges(productId: $productId, comments: $comments) {\n      id\n      status\n    }\n  }\n": types.RequestDesignChangesFromStudioDocument,
    "\n  mutation RejectDesign($productId: ID!, $comments: String!) {\n    rejectProduct(productId: $productId, comments: $comments) {\n      id\n      status\n    }\n  }\n": types.RejectDesignDocument,
    "\n  query StudioFilmIps($studioId: ID!) {\n    filmIps(studioId: $studioId, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          titleZh\n          year\n          synopsis\n          keyArt {\n            id\n            thumbnailUrl\n          }\n          characters {\n            name\n            nameZh\n          }\n        }\n      }\n    }\n  }\n": types.StudioFilmIpsDocument,
    "\n  mutation CreateFilmIp($input: CreateFilmIpInput!) {\n    createFilmIp(input: $input) {\n      id\n    }\n  }\n": types.CreateFilmIpDocument,
    "\n  mutation SetFilmIpKeyArt($filmIpId: ID!, $mediaId: ID) {\n    setFilmIpKeyArt(filmIpId: $filmIpId, mediaId: $mediaId) {\n      id\n    }\n  }\n": types.SetFilmIpKeyArtDocument,
    "\n  query IncomingApplications($studioId: ID!, $status: LicenseApplicationStatus) {\n    incomingLicenseApplications(studioId: $studioId, status: $status, first: 50) {\n      edges {\n        node {\n          id\n          status\n          pitch\n          createdAt\n          decisionReason\n          merchantId\n          merchant {\n            name\n            nameZh\n          }\n          offer {\n            id\n            royaltyBps\n            filmIp {\n              title\n              titleZh\n            }\n          }\n        }\n      }\n    }\n  }\n": types.IncomingApplicationsDocument,
    "\n  mutation ApproveApplication($id: ID!) {\n    approveLicenseApplication(id: $id) {\n      id\n      status\n    }\n  }\n": types.ApproveApplicationDocument,
    "\n  mutation RejectApplication($id: ID!, $reason: String!) {\n    rejectLicenseApplication(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.RejectApplicationDocument,
    "\n  query StudioLicenses($studioId: ID!) {\n    studioLicenses(studioId: $studioId, first: 50) {\n      edges {\n        node {\n          id\n          status\n          statusReason\n          royaltyBps\n          startsOn\n          endsOn\n          merchantId\n          merchant {\n            name\n            nameZh\n          }\n          categories\n          filmIp {\n            title\n            titleZh\n          }\n        }\n      }\n    }\n  }\n": types.StudioLicensesDocument,
    "\n  mutation SuspendLicense($id: ID!, $reason: String!) {\n    suspendLicense(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.SuspendLicenseDocument,
    "\n  mutation ResumeLicense($id: ID!) {\n    resumeLicense(id: $id) {\n      id\n      status\n    }\n  }\n": types.ResumeLicenseDocument,
    "\n  query StudioOffers($studioId: ID!) {\n    studioLicenseOffers(studioId: $studioId, first: 50) {\n      edges {\n        node {\n          id\n          status\n          royaltyBps\n          categories\n          channels\n          territory\n          startsOn\n          endsOn\n          advance {\n            currency\n          }\n          minimumGuarantee {\n            currency\n          }\n          filmIp {\n            id\n            title\n            titleZh\n          }\n        }\n      }\n    }\n  }\n": types.StudioOffersDocument,
    "\n  mutation PublishOffer($input: PublishLicenseOfferInput!) {\n    publishLicenseOffer(input: $input) {\n      id\n    }\n  }\n": types.PublishOfferDocument,
    "\n  mutation CloseOffer($id: ID!) {\n    closeLicenseOffer(id: $id) {\n      id\n      status\n    }\n  }\n": types.CloseOfferDocument,
    "\n  query RoyaltyTotals($studioId: ID!, $from: Date!, $to: Date!) {\n    royaltyReport(studioId: $studioId, from: $from, to: $to) {\n      currency\n      totals {\n        lineCount\n        gross {\n          amountMinor\n          currency\n        }\n        refunded {\n          amountMinor\n          currency\n        }\n        royalty {\n          amountMinor\n          currency\n        }\n      }\n    }\n  }\n": types.RoyaltyTotalsDocument,
    "\n  query RoyaltySeries($studioId: ID!, $from: Date!, $to: Date!, $by: RoyaltySeriesBy!) {\n    royaltySeries(studioId: $studioId, from: $from, to: $to, by: $by) {\n      month\n      key\n      label\n      gross {\n        amountMinor\n        currency\n      }\n      royalty {\n        amountMinor\n        currency\n      }\n    }\n  }\n": types.RoyaltySeriesDocument,
    "\n  query RoyaltyLines($studioId: ID!, $from: Date!, $to: Date!, $after: String) {\n    royaltyReportLines(studioId: $studioId, from: $from, to: $to, first: 10, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          orderLineId\n          paidAt\n          productName\n          productNameZh\n          merchantName\n          gross {\n            amountMinor\n            currency\n          }\n          refunded {\n            amountMinor\n            currency\n          }\n          royalty {\n            amountMinor\n            currency\n          }\n        }\n      }\n    }\n  }\n": types.RoyaltyLinesDocument,
    "\n  query RoyaltyStatements($studioId: ID!) {\n    royaltyStatements(studioId: $studioId) {\n      id\n      month\n      version\n      status\n      lineCount\n      issuedAt\n      royalty {\n        amountMinor\n        currency\n      }\n      periodRoyalty {\n        amountMinor\n        currency\n      }\n      unstatedEarlier {\n        amountMinor\n        currency\n      }\n      adjustments {\n        amountMinor\n        currency\n      }\n      previouslyPaid {\n        amountMinor\n        currency\n      }\n      amountDue {\n        amountMinor\n        currency\n      }\n    }\n  }\n": types.RoyaltyStatementsDocument,
    "\n  mutation IssueStatement($studioId: ID!, $month: String!) {\n    issueRoyaltyStatement(studioId: $studioId, month: $month) {\n      id\n    }\n  }\n": types.IssueStatementDocument,
    "\n  mutation ReissueStatement($studioId: ID!, $month: String!) {\n    reissueRoyaltyStatement(studioId: $studioId, month: $month) {\n      id\n    }\n  }\n": types.ReissueStatementDocument,
    "\n  query StudioSalesReportQueue($studioId: ID!) {\n    studioSalesReports(studioId: $studioId, status: SUBMITTED) {\n      id\n      month\n      merchantName\n      merchantNameZh\n      noSales\n      revision\n      totals {\n        gross {\n          amountMinor\n          currency\n        }\n        royalty {\n          amountMinor\n          currency\n        }\n      }\n      lines {\n        lineNo\n        productName\n        channel\n        quantity\n        gross {\n          amountMinor\n          currency\n        }\n      }\n    }\n    missingSalesReports(organizationId: $studioId) {\n      licenseId\n      merchantName\n      merchantNameZh\n      months\n    }\n  }\n": types.StudioSalesReportQueueDocument,
    "\n  mutation DecideReport($id: ID!, $accept: Boolean!, $reason: String) {\n    decideSalesReport(input: { id: $id, accept: $accept, reason: $reason }) {\n      id\n      status\n    }\n  }\n": types.DecideReportDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      accessToken\n      refreshToken\n    }\n  }\n": types.VerifyEmailDocument,
    "\n  query VerifyProduct($code: String!) {\n    verifyProduct(code: $code) {\n      product {\n        id\n        name\n        nameZh\n      }\n      filmIp {\n        title\n        titleZh\n      }\n      studio {\n        name\n        nameZh\n      }\n      merchant {\n        name\n        nameZh\n      }\n      licenseStatus\n      validUntil\n    }\n  }\n": types.VerifyProductDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n"): typeof import('./graphql').ResendVerificationEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrandAssetList($filmIpId: ID!) {\n    brandAssets(filmIpId: $filmIpId) {\n      id\n      title\n      contentType\n      url\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').BrandAssetListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddBrandAssetFromStudio($input: AddBrandAssetInput!) {\n    addBrandAsset(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').AddBrandAssetFromStudioDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeliveryOptionsOf($merchantIds: [ID!]!) {\n    deliveryOptions(merchantIds: $merchantIds) {\n      merchantId\n      pickup\n      ship\n      shippingFee {\n        amountMinor\n        currency\n      }\n      freeShippingFrom {\n        amountMinor\n        currency\n      }\n    }\n  }\n"): typeof import('./graphql').DeliveryOptionsOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAddresses {\n    myAddresses {\n      id\n      recipient\n      phone\n      province\n      city\n      district\n      street\n      postalCode\n    }\n  }\n"): typeof import('./graphql').MyAddressesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitRound($productId: ID!, $artworkMediaIds: [ID!]!, $note: String) {\n    submitDesignRound(input: { productId: $productId, artworkMediaIds: $artworkMediaIds, note: $note }) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').SubmitRoundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentSettings {\n    paymentSettings {\n      provider\n      stripePublishableKey\n    }\n  }\n"): typeof import('./graphql').PaymentSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DevConfirm($orderId: ID!) {\n    devConfirmPayment(orderId: $orderId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').DevConfirmDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationLogoOf($id: ID!) {\n    organization(id: $id) {\n      id\n      logo {\n        id\n        thumbnailUrl\n      }\n    }\n  }\n"): typeof import('./graphql').OrganizationLogoOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrganizationLogo($organizationId: ID!, $mediaId: ID) {\n    setOrganizationLogo(organizationId: $organizationId, mediaId: $mediaId) {\n      id\n    }\n  }\n"): typeof import('./graphql').SetOrganizationLogoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductRatings($productIds: [ID!]!) {\n    productRatings(productIds: $productIds) {\n      productId\n      rating {\n        average\n        count\n      }\n    }\n  }\n"): typeof import('./graphql').ProductRatingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewLine($orderLineId: ID!, $rating: Int!, $text: String) {\n    reviewOrderLine(input: { orderLineId: $orderLineId, rating: $rating, text: $text }) {\n      id\n      rating\n    }\n  }\n"): typeof import('./graphql').ReviewLineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetFavourite($productId: ID!, $favourite: Boolean!) {\n    setFavourite(productId: $productId, favourite: $favourite)\n  }\n"): typeof import('./graphql').SetFavouriteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VenuePhotosOf($id: ID!) {\n    venue(id: $id) {\n      id\n      photos {\n        id\n        thumbnailUrl\n      }\n    }\n  }\n"): typeof import('./graphql').VenuePhotosOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetVenuePhotos($venueId: ID!, $mediaIds: [ID!]!) {\n    setVenuePhotos(venueId: $venueId, mediaIds: $mediaIds) {\n      id\n    }\n  }\n"): typeof import('./graphql').SetVenuePhotosDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshToken(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n    }\n  }\n"): typeof import('./graphql').RefreshSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilmIpTitles {\n    filmIps(first: 100) {\n      edges {\n        node {\n          id\n          title\n          titleZh\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').FilmIpTitlesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      displayName\n      emailVerified\n      memberships {\n        role\n        organization {\n          id\n          kind\n          name\n          nameZh\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!) {\n    acceptInvitation(token: $token) {\n      role\n      organization {\n        id\n        kind\n        name\n        nameZh\n      }\n    }\n  }\n"): typeof import('./graphql').AcceptInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      accessToken\n      refreshToken\n    }\n  }\n"): typeof import('./graphql').LogInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      refreshToken\n    }\n  }\n"): typeof import('./graphql').SignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Checkout($input: CheckoutInput!) {\n    checkout(input: $input) {\n      order {\n        id\n        status\n      }\n      payment {\n        provider\n        clientSecret\n      }\n    }\n  }\n"): typeof import('./graphql').CheckoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyFavourites {\n    myFavourites {\n      id\n      kind\n      name\n      nameZh\n      priceFrom {\n        amountMinor\n        currency\n      }\n      merchant {\n        id\n        name\n        nameZh\n      }\n      rating {\n        average\n        count\n      }\n    }\n  }\n"): typeof import('./graphql').MyFavouritesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilmDetail($id: ID!) {\n    filmIp(id: $id) {\n      id\n      title\n      titleZh\n      year\n      synopsis\n      synopsisZh\n      artworkUrls\n      keyArt {\n        url\n        cardUrl\n        width\n        height\n      }\n      studio {\n        id\n        name\n        nameZh\n        logo {\n          id\n          thumbnailUrl\n        }\n      }\n      filmingLocations {\n        id\n        nameEn\n        nameZh\n        mapUrl\n      }\n    }\n  }\n"): typeof import('./graphql').FilmDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilmIps {\n    filmIps(first: 24) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          titleZh\n          year\n          synopsis\n          synopsisZh\n          filmingLocations {\n            id\n            nameEn\n            nameZh\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').FilmIpsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantApplications($merchantId: ID!) {\n    merchantLicenseApplications(merchantId: $merchantId, first: 50) {\n      edges {\n        node {\n          id\n          status\n          pitch\n          createdAt\n          decisionReason\n          offer {\n            id\n            royaltyBps\n            filmIp {\n              title\n              titleZh\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MerchantApplicationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawApplication($id: ID!) {\n    withdrawLicenseApplication(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').WithdrawApplicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeliveryOptionsOfMerchant($merchantIds: [ID!]!) {\n    deliveryOptions(merchantIds: $merchantIds) {\n      merchantId\n      pickup\n      ship\n      shippingFee {\n        amountMinor\n        currency\n      }\n      freeShippingFrom {\n        amountMinor\n        currency\n      }\n      pickupAddress\n    }\n  }\n"): typeof import('./graphql').DeliveryOptionsOfMerchantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMerchantDeliveryOptions($input: SetDeliveryOptionsInput!) {\n    setDeliveryOptions(input: $input) {\n      merchantId\n      pickup\n      ship\n    }\n  }\n"): typeof import('./graphql').SetMerchantDeliveryOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantVenueChoices($merchantId: ID!) {\n    merchantVenues(merchantId: $merchantId, first: 100) {\n      edges {\n        node {\n          id\n          name\n          nameZh\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MerchantVenueChoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMerchantVenue($input: CreateVenueInput!) {\n    createVenue(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateMerchantVenueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMerchantExperience($input: CreateExperienceInput!) {\n    createExperience(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateMerchantExperienceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddWeeklySlots($input: AddWeeklyTimeSlotsInput!) {\n    addWeeklyTimeSlots(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').AddWeeklySlotsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantLicenses($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, first: 50) {\n      edges {\n        node {\n          id\n          status\n          statusReason\n          royaltyBps\n          categories\n          channels\n          territory\n          startsOn\n          endsOn\n          filmIp {\n            id\n            title\n            titleZh\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MerchantLicensesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMerchandise($input: CreateMerchandiseInput!) {\n    createMerchandise(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').CreateMerchandiseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenOffers($first: Int) {\n    licenseOffers(first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          royaltyBps\n          categories\n          channels\n          territory\n          startsOn\n          endsOn\n          advance {\n            amountMinor\n            currency\n          }\n          minimumGuarantee {\n            amountMinor\n            currency\n          }\n          filmIp {\n            id\n            title\n            titleZh\n            year\n            synopsis\n          }\n          studio {\n            id\n            name\n            nameZh\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OpenOffersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OfferStandings($merchantId: ID!) {\n    merchantOfferStandings(merchantId: $merchantId) {\n      offerId\n      standing\n    }\n  }\n"): typeof import('./graphql').OfferStandingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyForLicense($input: ApplyForLicenseInput!) {\n    applyForLicense(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ApplyForLicenseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantOrders($merchantId: ID!, $status: OrderStatus) {\n    merchantOrders(merchantId: $merchantId, status: $status, first: 20) {\n      totalCount\n      edges {\n        node {\n          id\n          status\n          createdAt\n          paidAt\n          total {\n            amountMinor\n            currency\n          }\n          lines {\n            id\n            kind\n            productName\n            productNameZh\n            quantity\n            slotStartsAt\n            fulfilment\n            fulfilledAt\n            total {\n              amountMinor\n              currency\n            }\n            refunded {\n              amountMinor\n              currency\n            }\n          }\n          tickets {\n            code\n            orderLineId\n            redeemedAt\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MerchantOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantOrderDeliveries($merchantId: ID!, $status: OrderStatus) {\n    merchantOrders(merchantId: $merchantId, status: $status, first: 20) {\n      edges {\n        node {\n          id\n          delivery {\n            method\n            address {\n              recipient\n              phone\n              province\n              city\n              district\n              street\n              postalCode\n            }\n            fee {\n              amountMinor\n            }\n          }\n          lines {\n            id\n            shipment {\n              carrier\n              trackingNumber\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MerchantOrderDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FulfilOrderLine($orderLineId: ID!, $fulfilment: MerchandiseFulfilment!) {\n    fulfilOrderLine(orderLineId: $orderLineId, fulfilment: $fulfilment) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').FulfilOrderLineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShipLines($input: ShipOrderLinesInput!) {\n    shipOrderLines(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ShipLinesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HandOverPickup($code: String!) {\n    handOverPickup(code: $code) {\n      id\n      status\n      lines {\n        productName\n        productNameZh\n        quantity\n      }\n    }\n  }\n"): typeof import('./graphql').HandOverPickupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefundOrderLineFromConsole($orderLineId: ID!) {\n    refundOrderLine(orderLineId: $orderLineId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RefundOrderLineFromConsoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActiveLicenses($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, status: ACTIVE, first: 50) {\n      edges {\n        node {\n          id\n          categories\n          filmIp {\n            title\n            titleZh\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ActiveLicensesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMerchantProductMedia($productId: ID!, $mediaIds: [ID!]!, $alt: [ProductMediaAltInput!]) {\n    setProductMedia(productId: $productId, mediaIds: $mediaIds, alt: $alt) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').SetMerchantProductMediaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantProducts($merchantId: ID!, $filter: MerchantProductFilter, $first: Int, $after: String) {\n    merchantProducts(merchantId: $merchantId, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          status\n          statusReason\n          name\n          nameZh\n          category\n          verificationCode\n          filmIp {\n            title\n            titleZh\n          }\n          approvalRounds {\n            id\n            round\n            status\n            note\n            comments\n            submittedAt\n            decidedAt\n            artwork {\n              id\n              url\n              thumbnailUrl\n            }\n          }\n          media {\n            id\n            thumbnailUrl\n            alt\n            altZh\n          }\n          variants {\n            id\n            sku\n            available\n            stock\n            options {\n              name\n              nameZh\n              value\n              valueZh\n            }\n            price {\n              amountMinor\n              currency\n            }\n          }\n          upcomingTimeSlots {\n            id\n            startsAt\n            capacity\n            sold\n            reserved\n            remaining\n            status\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MerchantProductsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitProduct($productId: ID!) {\n    submitProductForApproval(productId: $productId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').SubmitProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishProduct($productId: ID!) {\n    publishProduct(productId: $productId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').PublishProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) {\n      variant {\n        id\n        stock\n        available\n      }\n    }\n  }\n"): typeof import('./graphql').AdjustStockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnpublishProduct($productId: ID!) {\n    unpublishProduct(productId: $productId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').UnpublishProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RefundQueue($merchantId: ID!) {\n    merchantRefundRequests(merchantId: $merchantId, status: REQUESTED) {\n      id\n      orderId\n      productName\n      quantity\n      reason\n      createdAt\n      amount {\n        amountMinor\n        currency\n      }\n    }\n  }\n"): typeof import('./graphql').RefundQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideRefund($id: ID!, $approve: Boolean!, $reason: String) {\n    decideRefundRequest(input: { id: $id, approve: $approve, reason: $reason }) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').DecideRefundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SalesReportLicenses($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, first: 50) {\n      edges {\n        node {\n          id\n          channels\n          startsOn\n          endsOn\n          filmIp {\n            title\n            titleZh\n          }\n        }\n      }\n    }\n    missingSalesReports(organizationId: $merchantId) {\n      licenseId\n      months\n    }\n  }\n"): typeof import('./graphql').SalesReportLicensesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LicenseSalesReports($merchantId: ID!, $licenseId: ID!) {\n    salesReports(licenseId: $licenseId) {\n      id\n      month\n      status\n      noSales\n      revision\n      disputeReason\n      totals {\n        gross {\n          amountMinor\n          currency\n        }\n        royalty {\n          amountMinor\n          currency\n        }\n      }\n    }\n    merchantProducts(merchantId: $merchantId, filter: { licenseId: $licenseId }, first: 100) {\n      edges {\n        node {\n          id\n          name\n          nameZh\n          status\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').LicenseSalesReportsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitReport($input: SubmitSalesReportInput!) {\n    submitSalesReport(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').SubmitReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantSales($merchantId: ID!, $from: Date!, $to: Date!) {\n    merchantSales(merchantId: $merchantId, from: $from, to: $to) {\n      payableBalance {\n        amountMinor\n        currency\n      }\n      licenses {\n        licenseId\n        studioName\n        lineCount\n        gross {\n          amountMinor\n          currency\n        }\n        refunded {\n          amountMinor\n          currency\n        }\n        royalty {\n          amountMinor\n          currency\n        }\n        platformFee {\n          amountMinor\n          currency\n        }\n        merchantShare {\n          amountMinor\n          currency\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MerchantSalesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LicenseTitles($merchantId: ID!) {\n    merchantLicenses(merchantId: $merchantId, first: 50) {\n      edges {\n        node {\n          id\n          filmIp {\n            title\n            titleZh\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').LicenseTitlesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeTimeSlotCapacity($input: ChangeTimeSlotCapacityInput!) {\n    changeTimeSlotCapacity(input: $input) {\n      id\n      capacity\n      remaining\n    }\n  }\n"): typeof import('./graphql').ChangeTimeSlotCapacityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTimeSlotStatus($timeSlotId: ID!, $status: TimeSlotStatus!) {\n    setTimeSlotStatus(timeSlotId: $timeSlotId, status: $status) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').SetTimeSlotStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddSlot($input: AddTimeSlotInput!) {\n    addTimeSlot(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').AddSlotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeemTicket($code: String!) {\n    redeemTicket(code: $code) {\n      code\n      redeemedAt\n      timeSlotId\n      productName\n      productNameZh\n      ticketTypeName\n      ticketTypeNameZh\n      startsAt\n      endsAt\n    }\n  }\n"): typeof import('./graphql').RedeemTicketDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderDetail($id: ID!) {\n    order(id: $id) {\n      id\n      status\n      createdAt\n      expiresAt\n      paidAt\n      refundDue\n      total {\n        amountMinor\n        currency\n      }\n      lines {\n        id\n        kind\n        productId\n        productName\n        productNameZh\n        quantity\n        slotStartsAt\n        fulfilment\n        fulfilledAt\n        unitPrice {\n          amountMinor\n          currency\n        }\n        total {\n          amountMinor\n          currency\n        }\n        refunded {\n          amountMinor\n          currency\n        }\n        review {\n          id\n          rating\n        }\n        shipment {\n          carrier\n          trackingNumber\n          shippedAt\n        }\n      }\n      delivery {\n        method\n        address {\n          recipient\n          phone\n          province\n          city\n          district\n          street\n          postalCode\n        }\n        fee {\n          amountMinor\n          currency\n        }\n        feeRefunded {\n          amountMinor\n          currency\n        }\n        merchants {\n          merchantId\n          merchantName\n          feeRefunded {\n            amountMinor\n            currency\n          }\n          pickupCode\n          pickupAddress\n          handedOverAt\n        }\n      }\n      tickets {\n        code\n        qrPayload\n        redeemedAt\n        voidedAt\n        orderLineId\n        productName\n        productNameZh\n        ticketTypeName\n        ticketTypeNameZh\n        startsAt\n        endsAt\n        venue {\n          name\n          nameZh\n          address\n          addressZh\n          mapUrl\n        }\n      }\n      refundRequests {\n        id\n        orderLineId\n        quantity\n        reason\n        status\n        automatic\n        decisionReason\n        amount {\n          amountMinor\n          currency\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OrderDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestLineRefund($orderLineId: ID!, $quantity: Int, $reason: String!) {\n    requestRefund(input: { orderLineId: $orderLineId, quantity: $quantity, reason: $reason }) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RequestLineRefundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderCalendar($orderId: ID!) {\n    orderCalendar(orderId: $orderId)\n  }\n"): typeof import('./graphql').OrderCalendarDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelOrder($orderId: ID!) {\n    cancelOrder(orderId: $orderId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').CancelOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyOrders {\n    myOrders(first: 20) {\n      edges {\n        node {\n          id\n          status\n          createdAt\n          total {\n            amountMinor\n            currency\n          }\n          lines {\n            id\n            productName\n            productNameZh\n            quantity\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MyOrdersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductDetail($id: ID!) {\n    product(id: $id) {\n      id\n      kind\n      status\n      category\n      name\n      nameZh\n      description\n      descriptionZh\n      images\n      purchaseLimit\n      verificationCode\n      priceFrom {\n        amountMinor\n        currency\n      }\n      filmIp {\n        id\n        title\n        titleZh\n      }\n      merchant {\n        id\n        name\n        nameZh\n        logo {\n          id\n          thumbnailUrl\n        }\n      }\n      media {\n        id\n        url\n        cardUrl\n        thumbnailUrl\n        width\n        height\n        alt\n        altZh\n      }\n      variants {\n        id\n        sku\n        available\n        options {\n          name\n          nameZh\n          value\n          valueZh\n        }\n        price {\n          amountMinor\n          currency\n        }\n      }\n      ticketTypes {\n        id\n        name\n        nameZh\n        price {\n          amountMinor\n          currency\n        }\n      }\n      upcomingTimeSlots {\n        id\n        startsAt\n        endsAt\n        remaining\n        status\n      }\n      venue {\n        id\n        name\n        nameZh\n        address\n        addressZh\n        latitude\n        longitude\n        openingNotes\n        photos {\n          id\n          url\n          cardUrl\n          thumbnailUrl\n        }\n      }\n      favourited\n      rating {\n        average\n        count\n      }\n      reviews(first: 20) {\n        edges {\n          node {\n            id\n            rating\n            text\n            reply\n            createdAt\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ProductDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchProducts($text: String, $filter: ProductFilter, $sort: ProductSearchSort, $first: Int, $after: String) {\n    searchProducts(text: $text, filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      facets {\n        categories {\n          category\n          count\n        }\n        filmIps {\n          count\n          filmIp {\n            id\n            title\n            titleZh\n          }\n        }\n      }\n      edges {\n        node {\n          id\n          kind\n          name\n          nameZh\n          category\n          inStock\n          priceFrom {\n            amountMinor\n            currency\n          }\n          filmIp {\n            id\n            title\n            titleZh\n          }\n          merchant {\n            id\n            name\n            nameZh\n          }\n          cover {\n            thumbnailUrl\n            cardUrl\n            alt\n            altZh\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SearchProductsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DesignQueue($studioId: ID!) {\n    studioProducts(studioId: $studioId, status: PENDING_APPROVAL, first: 20) {\n      edges {\n        node {\n          id\n          name\n          nameZh\n          category\n          descriptionZh\n          description\n          filmIp {\n            title\n            titleZh\n          }\n          merchant {\n            name\n            nameZh\n          }\n          variants {\n            id\n            sku\n            price {\n              amountMinor\n              currency\n            }\n          }\n          approvalRounds {\n            id\n            round\n            status\n            note\n            comments\n            submittedAt\n            decidedAt\n            artwork {\n              id\n              url\n              thumbnailUrl\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DesignQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveDesign($productId: ID!) {\n    approveProduct(productId: $productId) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ApproveDesignDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestDesignChangesFromStudio($productId: ID!, $comments: String!) {\n    requestDesignChanges(productId: $productId, comments: $comments) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RequestDesignChangesFromStudioDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectDesign($productId: ID!, $comments: String!) {\n    rejectProduct(productId: $productId, comments: $comments) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RejectDesignDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioFilmIps($studioId: ID!) {\n    filmIps(studioId: $studioId, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          titleZh\n          year\n          synopsis\n          keyArt {\n            id\n            thumbnailUrl\n          }\n          characters {\n            name\n            nameZh\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').StudioFilmIpsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFilmIp($input: CreateFilmIpInput!) {\n    createFilmIp(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateFilmIpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetFilmIpKeyArt($filmIpId: ID!, $mediaId: ID) {\n    setFilmIpKeyArt(filmIpId: $filmIpId, mediaId: $mediaId) {\n      id\n    }\n  }\n"): typeof import('./graphql').SetFilmIpKeyArtDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncomingApplications($studioId: ID!, $status: LicenseApplicationStatus) {\n    incomingLicenseApplications(studioId: $studioId, status: $status, first: 50) {\n      edges {\n        node {\n          id\n          status\n          pitch\n          createdAt\n          decisionReason\n          merchantId\n          merchant {\n            name\n            nameZh\n          }\n          offer {\n            id\n            royaltyBps\n            filmIp {\n              title\n              titleZh\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').IncomingApplicationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveApplication($id: ID!) {\n    approveLicenseApplication(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ApproveApplicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectApplication($id: ID!, $reason: String!) {\n    rejectLicenseApplication(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RejectApplicationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioLicenses($studioId: ID!) {\n    studioLicenses(studioId: $studioId, first: 50) {\n      edges {\n        node {\n          id\n          status\n          statusReason\n          royaltyBps\n          startsOn\n          endsOn\n          merchantId\n          merchant {\n            name\n            nameZh\n          }\n          categories\n          filmIp {\n            title\n            titleZh\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').StudioLicensesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuspendLicense($id: ID!, $reason: String!) {\n    suspendLicense(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').SuspendLicenseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeLicense($id: ID!) {\n    resumeLicense(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ResumeLicenseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioOffers($studioId: ID!) {\n    studioLicenseOffers(studioId: $studioId, first: 50) {\n      edges {\n        node {\n          id\n          status\n          royaltyBps\n          categories\n          channels\n          territory\n          startsOn\n          endsOn\n          advance {\n            currency\n          }\n          minimumGuarantee {\n            currency\n          }\n          filmIp {\n            id\n            title\n            titleZh\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').StudioOffersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishOffer($input: PublishLicenseOfferInput!) {\n    publishLicenseOffer(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').PublishOfferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseOffer($id: ID!) {\n    closeLicenseOffer(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').CloseOfferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoyaltyTotals($studioId: ID!, $from: Date!, $to: Date!) {\n    royaltyReport(studioId: $studioId, from: $from, to: $to) {\n      currency\n      totals {\n        lineCount\n        gross {\n          amountMinor\n          currency\n        }\n        refunded {\n          amountMinor\n          currency\n        }\n        royalty {\n          amountMinor\n          currency\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').RoyaltyTotalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoyaltySeries($studioId: ID!, $from: Date!, $to: Date!, $by: RoyaltySeriesBy!) {\n    royaltySeries(studioId: $studioId, from: $from, to: $to, by: $by) {\n      month\n      key\n      label\n      gross {\n        amountMinor\n        currency\n      }\n      royalty {\n        amountMinor\n        currency\n      }\n    }\n  }\n"): typeof import('./graphql').RoyaltySeriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoyaltyLines($studioId: ID!, $from: Date!, $to: Date!, $after: String) {\n    royaltyReportLines(studioId: $studioId, from: $from, to: $to, first: 10, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          orderLineId\n          paidAt\n          productName\n          productNameZh\n          merchantName\n          gross {\n            amountMinor\n            currency\n          }\n          refunded {\n            amountMinor\n            currency\n          }\n          royalty {\n            amountMinor\n            currency\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').RoyaltyLinesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoyaltyStatements($studioId: ID!) {\n    royaltyStatements(studioId: $studioId) {\n      id\n      month\n      version\n      status\n      lineCount\n      issuedAt\n      royalty {\n        amountMinor\n        currency\n      }\n      periodRoyalty {\n        amountMinor\n        currency\n      }\n      unstatedEarlier {\n        amountMinor\n        currency\n      }\n      adjustments {\n        amountMinor\n        currency\n      }\n      previouslyPaid {\n        amountMinor\n        currency\n      }\n      amountDue {\n        amountMinor\n        currency\n      }\n    }\n  }\n"): typeof import('./graphql').RoyaltyStatementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueStatement($studioId: ID!, $month: String!) {\n    issueRoyaltyStatement(studioId: $studioId, month: $month) {\n      id\n    }\n  }\n"): typeof import('./graphql').IssueStatementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReissueStatement($studioId: ID!, $month: String!) {\n    reissueRoyaltyStatement(studioId: $studioId, month: $month) {\n      id\n    }\n  }\n"): typeof import('./graphql').ReissueStatementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudioSalesReportQueue($studioId: ID!) {\n    studioSalesReports(studioId: $studioId, status: SUBMITTED) {\n      id\n      month\n      merchantName\n      merchantNameZh\n      noSales\n      revision\n      totals {\n        gross {\n          amountMinor\n          currency\n        }\n        royalty {\n          amountMinor\n          currency\n        }\n      }\n      lines {\n        lineNo\n        productName\n        channel\n        quantity\n        gross {\n          amountMinor\n          currency\n        }\n      }\n    }\n    missingSalesReports(organizationId: $studioId) {\n      licenseId\n      merchantName\n      merchantNameZh\n      months\n    }\n  }\n"): typeof import('./graphql').StudioSalesReportQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideReport($id: ID!, $accept: Boolean!, $reason: String) {\n    decideSalesReport(input: { id: $id, accept: $accept, reason: $reason }) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').DecideReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      accessToken\n      refreshToken\n    }\n  }\n"): typeof import('./graphql').VerifyEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyProduct($code: String!) {\n    verifyProduct(code: $code) {\n      product {\n        id\n        name\n        nameZh\n      }\n      filmIp {\n        title\n        titleZh\n      }\n      studio {\n        name\n        nameZh\n      }\n      merchant {\n        name\n        nameZh\n      }\n      licenseStatus\n      validUntil\n    }\n  }\n"): typeof import('./graphql').VerifyProductDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
