import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CATALOG_SOURCE_EVENTS, productIdsOfEvent } from "../queries/catalog/event-products"
import { requestCatalogSync } from "../tasks/catalog/sync-batcher"
import { CatalogEvents, type SyncRequestedData } from "../modules/catalog/events"

/**
 * Keeps the catalog read model in step with changes made outside the catalog's own
 * workflows: Medusa's dashboard and /admin routes, checkouts and fulfilments (stock), and
 * price edits. The sync is idempotent, so events about changes the catalog already synced
 * cost one more rebuild of those rows and nothing else; events arriving together share
 * one sync (sync-batcher.ts). Also serves `catalog.sync_requested` (after a rollback).
 */
export default async function syncCatalogOnChange({
  event,
  container,
}: SubscriberArgs<{ id?: string } & Partial<SyncRequestedData>>): Promise<void> {
  const id = event.data?.id ?? event.data?.product_ids?.join(",")
  if (!id) {
    return
  }
  const productIds =
    event.name === CatalogEvents.SYNC_REQUESTED
      ? [...new Set(event.data.product_ids ?? [])]
      : [...new Set(await productIdsOfEvent(container, event.name, id))]
  if (!productIds.length) {
    return
  }
  try {
    await requestCatalogSync(container, productIds)
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`catalog: sync after ${event.name} ${id} failed: ${(error as Error).message}`)
    throw error
  }
}

export const config: SubscriberConfig = {
  event: [...CATALOG_SOURCE_EVENTS, CatalogEvents.SYNC_REQUESTED],
}
