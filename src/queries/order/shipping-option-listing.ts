import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, QueryContext } from "@medusajs/framework/utils"
import { PLATFORM_MODULE } from "../../modules/platform"
import type PlatformModuleService from "../../modules/platform/service"
import type { GeoZone } from "../../utils/order/geo-zones"
import { pricedByRegionOnly, type ShippingPriceRow } from "../../utils/order/shipping-prices"

/** A stock location that ships a fulfillment set, as a shipping provider is told of it. */
export type ShippingLocation = {
  id: string
  name: string
  address?: Record<string, unknown> | null
}

/** A shipping option of a sales channel, unpriced, with the zones it serves. */
export type ListedShippingOption = {
  id: string
  name: string
  price_type: string
  shipping_profile_id: string
  provider_id: string
  data: Record<string, unknown> | null
  fulfillment_set_id: string
  /** Its flat prices (pricing module); null for an option without a price set. */
  price_set_id: string | null
  /**
   * Its flat price is the same for every cart of one currency and region (no rule but the
   * region's, in no price list), so checkouts share it (utils/order/shipping-prices.ts).
   */
  priced_by_region_only: boolean
  geo_zones: GeoZone[]
}

export type ShippingListing = {
  options: ListedShippingOption[]
  /** The location each fulfillment set ships from, by fulfillment set id. */
  locations: Record<string, ShippingLocation>
}

/** An option's flat price for a cart, as checkout keeps it (pricing module's answer). */
export type FlatShippingPrice = {
  calculated_amount: number | string | null
  is_calculated_price_tax_inclusive: boolean
}

/**
 * Flat prices shared by the carts of one currency and region (utils/order/shipping-prices.ts
 * says when), in the listing's cache and generation: a change to an option's prices goes
 * through Medusa's shipping-option workflows, whose events start a new generation, as do
 * changes to the price preferences (tax-inclusive prices) and price lists
 * (subscribers/invalidate-shipping-options.ts).
 */
export async function loadSharedShippingPrices(
  container: MedusaContainer,
  key: string,
  price: () => Promise<Record<string, FlatShippingPrice>>
): Promise<Record<string, FlatShippingPrice>> {
  const body = await container
    .resolve<PlatformModuleService>(PLATFORM_MODULE)
    .cachedShippingRead(key, async () => JSON.stringify(await price()))
  return JSON.parse(body) as Record<string, FlatShippingPrice>
}

type OptionRow = Omit<
  ListedShippingOption,
  "fulfillment_set_id" | "price_set_id" | "priced_by_region_only" | "geo_zones"
> & {
  service_zone: { fulfillment_set_id: string; geo_zones?: GeoZone[] | null }
  price_set_link?: { price_set_id: string } | null
}

type LocationRow = ShippingLocation & { fulfillment_sets?: { id: string }[] | null }

const EMPTY: ShippingListing = { options: [], locations: {} }

/**
 * The shipping options a storefront sale at this sales channel can use, before the address
 * and the cart are known: the fulfillment sets of the channel's stock locations and their
 * options whose rules fit a storefront sale (Medusa's `is_return: false`,
 * `enabled_in_store: true` context), each with its service zone's geo zones and its price
 * set, and whether that set's flat price is the same for every cart of one currency and
 * region. Checkout then keeps the options whose zones serve the address
 * (utils/order/geo-zones.ts) and prices them for the cart. The listing is the same for
 * every cart of the channel, so it is cached (the platform's "shipping" generation cache):
 * nine statements a checkout saves. Invalidated by the fulfillment module's and the
 * shipping-option workflows' events and by the dashboard's location links; a minute at most
 * otherwise.
 */
export async function loadShippingListing(
  container: MedusaContainer,
  salesChannelId: string
): Promise<ShippingListing> {
  const body = await container
    .resolve<PlatformModuleService>(PLATFORM_MODULE)
    .cachedShippingRead(`channel:${salesChannelId}`, async () =>
      JSON.stringify(await listChannelShipping(container, salesChannelId))
    )
  return JSON.parse(body) as ShippingListing
}

async function listChannelShipping(
  container: MedusaContainer,
  salesChannelId: string
): Promise<ShippingListing> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: channels } = await query.graph({
    entity: "sales_channel",
    fields: [
      "stock_locations.id",
      "stock_locations.name",
      "stock_locations.address.*",
      "stock_locations.fulfillment_sets.id",
    ],
    filters: { id: salesChannelId },
  })
  const rows = ((channels[0] as { stock_locations?: LocationRow[] } | undefined)?.stock_locations ??
    []) as LocationRow[]
  const locations: Record<string, ShippingLocation> = {}
  for (const { fulfillment_sets, ...location } of rows) {
    for (const set of fulfillment_sets ?? []) {
      locations[set.id] = location
    }
  }
  const setIds = Object.keys(locations)
  if (!setIds.length) {
    return EMPTY
  }
  const remoteQuery = container.resolve(ContainerRegistrationKeys.REMOTE_QUERY)
  const options = (await remoteQuery({
    entryPoint: "shipping_options",
    fields: [
      "id",
      "name",
      "price_type",
      "shipping_profile_id",
      "provider_id",
      "data",
      "service_zone.fulfillment_set_id",
      "service_zone.geo_zones.*",
      "price_set_link.price_set_id",
    ],
    variables: {
      context: QueryContext({ is_return: "false", enabled_in_store: "true" }),
      filters: { fulfillment_set_id: setIds },
    },
  })) as OptionRow[]
  const byRegionOnly = await priceSetsPricedByRegionOnly(
    container,
    options.map((option) => option.price_set_link?.price_set_id).filter((id): id is string => !!id)
  )
  return {
    locations,
    options: options.map(({ service_zone, price_set_link, ...option }) => ({
      ...option,
      fulfillment_set_id: service_zone.fulfillment_set_id,
      price_set_id: price_set_link?.price_set_id ?? null,
      priced_by_region_only: !!price_set_link && byRegionOnly.has(price_set_link.price_set_id),
      geo_zones: (service_zone.geo_zones ?? []).map((zone) => ({
        type: zone.type,
        country_code: zone.country_code ?? null,
        province_code: zone.province_code ?? null,
        city: zone.city ?? null,
        postal_expression: zone.postal_expression ?? null,
      })),
    })),
  }
}

/** The price sets among `ids` whose flat price depends on nothing but currency and region. */
async function priceSetsPricedByRegionOnly(
  container: MedusaContainer,
  ids: string[]
): Promise<Set<string>> {
  if (!ids.length) {
    return new Set()
  }
  const prices = (await container
    .resolve(Modules.PRICING)
    .listPrices(
      { price_set_id: ids },
      { select: ["id", "price_set_id", "price_list_id"], relations: ["price_rules"] }
    )) as (ShippingPriceRow & { price_set_id?: string })[]
  // (Cast: Medusa's price DTO does not declare the price list's id the select reads.)
  return new Set(
    ids.filter((id) => pricedByRegionOnly(prices.filter((price) => price.price_set_id === id)))
  )
}
