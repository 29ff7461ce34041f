import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createLinksWorkflow,
  createLocationFulfillmentSetWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { REGIONS, type StoreContext } from "./store"

type Container = ExecArgs["container"]

export const WAREHOUSE_NAME = "Main Warehouse"
const FULFILLMENT_SET_NAME = "Main Warehouse shipping"
const MANUAL_PROVIDER = "manual_manual"

const SHIPPING_OPTIONS = [
  {
    name: "Standard Shipping",
    code: "standard",
    label: "Standard",
    detail: "2-5 business days.",
    amount: 5,
  },
  {
    name: "Express Shipping",
    code: "express",
    label: "Express",
    detail: "Next business day.",
    amount: 15,
  },
]

/**
 * The default stock location (set on the store), its shipping fulfillment set with one
 * worldwide service zone, the default shipping profile and two flat-rate options.
 */
export async function seedFulfillment(container: Container, ctx: StoreContext): Promise<string> {
  const stockModule = container.resolve(Modules.STOCK_LOCATION)
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  const regionModule = container.resolve(Modules.REGION)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)

  let [location] = await stockModule.listStockLocations({ name: WAREHOUSE_NAME })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [
          {
            name: WAREHOUSE_NAME,
            address: { address_1: "1 Commerce Way", city: "New York", country_code: "US" },
          },
        ],
      },
    })
    location = result[0]
    await updateStoresWorkflow(container).run({
      input: { selector: { id: ctx.storeId }, update: { default_location_id: location.id } },
    })
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [ctx.salesChannelId] },
    })
    await createLinksWorkflow(container).run({
      input: [
        {
          [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
          [Modules.FULFILLMENT]: { fulfillment_provider_id: MANUAL_PROVIDER },
        },
      ],
    })
    logger.info(`seed: stock location ${WAREHOUSE_NAME}`)
  }

  let [profile] = await fulfillmentModule.listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    profile = result[0]
  }

  let [fulfillmentSet] = await fulfillmentModule.listFulfillmentSets(
    { name: FULFILLMENT_SET_NAME },
    { relations: ["service_zones"] }
  )
  if (!fulfillmentSet) {
    await createLocationFulfillmentSetWorkflow(container).run({
      input: {
        location_id: location.id,
        fulfillment_set_data: { name: FULFILLMENT_SET_NAME, type: "shipping" },
      },
    })
    ;[fulfillmentSet] = await fulfillmentModule.listFulfillmentSets({ name: FULFILLMENT_SET_NAME })
    await createServiceZonesWorkflow(container).run({
      input: {
        data: [
          {
            name: "Worldwide",
            fulfillment_set_id: fulfillmentSet.id,
            geo_zones: REGIONS.flatMap((r) =>
              r.countries.map((country_code) => ({ type: "country" as const, country_code }))
            ),
          },
        ],
      },
    })
    ;[fulfillmentSet] = await fulfillmentModule.listFulfillmentSets(
      { name: FULFILLMENT_SET_NAME },
      { relations: ["service_zones"] }
    )
  }
  const serviceZoneId = fulfillmentSet.service_zones[0].id

  const existing = await fulfillmentModule.listShippingOptions({
    name: { $in: SHIPPING_OPTIONS.map((o) => o.name) },
  })
  const missing = SHIPPING_OPTIONS.filter((o) => !existing.some((e) => e.name === o.name))
  if (missing.length) {
    const regions = await regionModule.listRegions({ name: { $in: REGIONS.map((r) => r.name) } })
    await createShippingOptionsWorkflow(container).run({
      input: missing.map((option) => ({
        name: option.name,
        price_type: "flat" as const,
        provider_id: MANUAL_PROVIDER,
        service_zone_id: serviceZoneId,
        shipping_profile_id: profile.id,
        type: { label: option.label, description: option.detail, code: option.code },
        prices: [
          ...REGIONS.map((r) => ({ currency_code: r.currency_code, amount: option.amount })),
          ...regions.map((r) => ({ region_id: r.id, amount: option.amount })),
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
          { attribute: "is_return", value: "false", operator: "eq" as const },
        ],
      })),
    })
    logger.info(`seed: shipping options ${missing.map((o) => o.name).join(", ")}`)
  }
  return location.id
}
