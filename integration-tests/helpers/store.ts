import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createSalesChannelsWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"

export type StoreContext = {
  salesChannelId: string
  stockLocationId: string
  publishableKey: string
  /** Headers every /store request needs. */
  storeHeaders: { "x-publishable-api-key": string }
}

/**
 * What storefront requests need: a sales channel, a publishable key scoped to it and a
 * stock location that serves it.
 */
export async function createStoreContext(container: MedusaContainer): Promise<StoreContext> {
  const {
    result: [salesChannel],
  } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Test channel" }] },
  })
  const {
    result: [key],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Test storefront", type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: key.id, add: [salesChannel.id] },
  })
  const {
    result: [location],
  } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Test warehouse" }] },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: location.id, add: [salesChannel.id] },
  })
  return {
    salesChannelId: salesChannel.id,
    stockLocationId: location.id,
    publishableKey: key.token,
    storeHeaders: { "x-publishable-api-key": key.token },
  }
}

/** Stocked quantity minus reservations for an inventory item at a location. */
export async function availableQuantity(
  container: MedusaContainer,
  inventoryItemId: string,
  locationId: string
): Promise<number> {
  const [level] = await container
    .resolve(Modules.INVENTORY)
    .listInventoryLevels({ inventory_item_id: inventoryItemId, location_id: locationId })
  return Number(level?.available_quantity ?? 0)
}
