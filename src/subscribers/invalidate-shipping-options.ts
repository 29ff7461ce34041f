import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  FulfillmentEvents,
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
 * Checkout lists a sales channel's shipping options from a cache
 * (src/queries/order/shipping-option-listing.ts); any change to what the listing is made
 * of starts a new generation of it. (Links between sales channels, stock locations and
 * fulfillment sets change without events: src/api/admin/helpers/shipping-links.ts.)
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
    SalesChannelWorkflowEvents.DELETED,
  ],
}
