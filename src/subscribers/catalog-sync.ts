import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CATALOG_SOURCE_EVENTS, productIdsOfEvent } from "../queries/catalog/event-products"
import { requestCatalogSync } from "../tasks/catalog/sync-batcher"
import { CatalogEvents, type SyncRequestedData } from "../modules/catalog/events"
import type { CatalogSyncLane } from "../modules/platform/catalog-sync-queue"
import { batchedRunner, type BatchRunner } from "../utils/batched-runner"
import { refreshProductStockWorkflow } from "../workflows/catalog/refresh-product-stock"

/**
 * An existing level's update can only have moved stock (every checkout's reservation makes
 * one): its products' stock columns are refreshed at once, one read and one write, not
 * queued for a rebuild of their whole rows (refresh-product-stock.ts).
 */
const STOCK_ONLY_EVENT = "inventory.inventory-level.updated"

/**
 * Re-syncs after a rollback go ahead of anything else queued, as do products a stock
 * refresh found without a row yet: a bulk import's product, variant and price events must
 * not delay a sale.
 */
function laneOf(eventName: string): CatalogSyncLane {
  return eventName === CatalogEvents.SYNC_REQUESTED ? "stock" : "bulk"
}

/**
 * The stock refreshes of one process, in batches: the first waits STOCK_GATHER_MS for its
 * companions, and the products of level updates that arrive while it runs (ten checkouts
 * of the same products) share the next run instead of one run each. A product the refresh
 * did not write (no row yet, or a row a sync changed meanwhile), and every product of a
 * refresh that failed, is queued for a rebuild in the stock lane.
 */
const stockRefreshers = new WeakMap<MedusaContainer, BatchRunner<string>>()

/**
 * How long a stock refresh waits for the level updates that come with the first: a
 * checkout's reservation updates one level per line within milliseconds, and they then
 * share one refresh instead of one each. Only Medusa's own routes and the dashboard depend
 * on this refresh to show their stock moves (the engine's checkout writes the catalog's
 * stock itself before it answers), and a tenth of a second is nothing to them.
 */
const STOCK_GATHER_MS = 100

function stockRefresher(container: MedusaContainer): BatchRunner<string> {
  let runner = stockRefreshers.get(container)
  if (!runner) {
    runner = batchedRunner(
      async (productIds) => {
        let rebuild: string[]
        try {
          const { result } = await refreshProductStockWorkflow(container).run({
            input: { product_ids: productIds },
          })
          rebuild = result.missing_product_ids
        } catch (error) {
          // The queue keeps them (in Redis) and retries until the database answers again;
          // the event bus's few retries would give up within seconds of an outage.
          container
            .resolve(ContainerRegistrationKeys.LOGGER)
            .warn(`catalog: stock refresh failed, queued for a sync: ${(error as Error).message}`)
          rebuild = productIds
        }
        if (rebuild.length) {
          await requestCatalogSync(container, rebuild, "stock")
        }
      },
      { gatherMs: STOCK_GATHER_MS }
    )
    stockRefreshers.set(container, runner)
  }
  return runner
}

/**
 * Keeps the catalog read model in step with changes made outside the catalog's own
 * workflows: Medusa's dashboard and /admin routes, checkouts and fulfilments (stock), and
 * price edits. The sync is idempotent, so events about changes the catalog already synced
 * cost one more rebuild of those rows (one more stock write, for a level's update) and
 * nothing else; with Redis the products join the catalog's shared sync queue, where every
 * event about one product while it waits costs nothing more (sync-batcher.ts). Also serves
 * `catalog.sync_requested` (after a rollback).
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
    if (event.name === STOCK_ONLY_EVENT) {
      const refresh = stockRefresher(container)
      await Promise.all(productIds.map((id) => refresh(id)))
    } else {
      await requestCatalogSync(container, productIds, laneOf(event.name))
    }
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
