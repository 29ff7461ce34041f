import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  buildEventNamesFromEntityName,
  FulfillmentEvents,
  Modules,
  PricingEvents,
  SalesChannelWorkflowEvents,
  ShippingOptionWorkflowEvents,
} from "@medusajs/framework/utils"
import { invalidateShippingOptionsWorkflow } from "../workflows/order/invalidate-shipping-options"

/** The fulfillment module's entities a checkout's shipping-option listing is made of. */
const LISTING_ENTITIES = [
  "fulfillment-set",
  "service-zone",
  "geo-zone",
  "shipping-option",
  "shipping-option-rule",
  "shipping-profile",
]

const LISTING_EVENTS = Object.values(FulfillmentEvents).filter((name) =>
  LISTING_ENTITIES.some((entity) => name.startsWith(`fulfillment.${entity}.`))
)

/**
 * What the flat shipping prices shared between carts depend on besides the options' own
 * prices (which change through the shipping-option workflows): the price preferences, which
 * make a currency's or a region's prices tax-inclusive (the dashboard's store and region
 * settings, /admin/price-preferences), and the price lists and their rules, which can hold
 * an option's price set. Prices written straight through the pricing module are not here:
 * every product price edit of an import would start a new generation; they are seen within
 * the cache's minute.
 */
const SHARED_PRICE_EVENTS = [
  ...Object.values(buildEventNamesFromEntityName(["pricePreference"], Modules.PRICING)),
  ...Object.values(PricingEvents).filter(
    (name) => name.startsWith("pricing.price-list.") || name.startsWith("pricing.price-list-rule.")
  ),
]

/**
 * Checkout lists a sales channel's shipping options from a cache
 * (src/queries/order/shipping-option-listing.ts); any change to what the listing is made
 * of, or to what its shared flat prices depend on, starts a new generation of it. (Links
 * between sales channels, stock locations and fulfillment sets change without events:
 * src/api/admin/helpers/shipping-links.ts.)
 */
export default async function invalidateShippingOptions({
  container,
}: SubscriberArgs<unknown>): Promise<void> {
  await invalidateShippingOptionsWorkflow(container).run()
}

export const config: SubscriberConfig = {
  event: [
    ...LISTING_EVENTS,
    ...Object.values(ShippingOptionWorkflowEvents),
    ...SHARED_PRICE_EVENTS,
    SalesChannelWorkflowEvents.DELETED,
  ],
}
