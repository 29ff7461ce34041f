import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PLATFORM_MODULE } from "../../modules/platform"
import type { CatalogSyncLane } from "../../modules/platform/catalog-sync-queue"
import type PlatformModuleService from "../../modules/platform/service"
import { syncCatalogProductsWorkflow } from "../../workflows/catalog/sync-catalog-products"

/** How long a batch waits for more events before it syncs. */
export const SYNC_BATCH_WINDOW_MS = 50

/** Products synced by one workflow run when draining the shared queue. */
export const SYNC_BATCH_MAX = 200

/** When a drain whose sync failed tries again (the products wait in the queue meanwhile). */
const RETRY_AFTER_MS = 5000

/**
 * Syncs products on behalf of event subscribers.
 *
 * With Redis, the ids join the catalog's shared sync queue (catalog-sync-queue.ts: one entry
 * per product however many events name it, from any process; stock changes in their own
 * lane, taken first) and this process drains it in batches of SYNC_BATCH_MAX. The event's
 * handler returns once the ids are queued, so Medusa's event queue is worked off at the
 * speed of a Redis write and a burst (a bulk import's tens of thousands of events) coalesces
 * into one sync per product instead of one per event.
 *
 * Without Redis (one process), events arriving within a short window share one sync, and
 * the handler resolves (or rejects) when it is done.
 */
export async function requestCatalogSync(
  container: MedusaContainer,
  productIds: string[],
  lane: CatalogSyncLane = "bulk"
): Promise<void> {
  const platform = container.resolve<PlatformModuleService>(PLATFORM_MODULE)
  if (await platform.enqueueCatalogSync(productIds, lane)) {
    drain(container)
    return
  }
  return syncInWindow(container, productIds)
}

type Drain = { again: boolean }

const drains = new WeakMap<MedusaContainer, Drain>()

/** Starts this process's drain of the shared queue, or tells the running one to go on. */
function drain(container: MedusaContainer): void {
  const running = drains.get(container)
  if (running) {
    running.again = true
    return
  }
  const state: Drain = { again: false }
  drains.set(container, state)
  void drainLoop(container, state)
}

async function drainLoop(container: MedusaContainer, state: Drain): Promise<void> {
  const platform = container.resolve<PlatformModuleService>(PLATFORM_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  await new Promise((resolve) => setTimeout(resolve, SYNC_BATCH_WINDOW_MS))
  try {
    for (;;) {
      state.again = false
      const batch = await platform.takeCatalogSyncBatch(SYNC_BATCH_MAX)
      if (!batch) {
        if (state.again) {
          continue
        }
        return
      }
      try {
        await syncCatalogProductsWorkflow(container).run({
          input: { product_ids: batch.product_ids },
        })
        await platform.finishCatalogSyncBatch(batch, false)
      } catch (error) {
        await platform.finishCatalogSyncBatch(batch, true)
        logger.error(
          `catalog: sync of ${batch.product_ids.length} product(s) failed, retrying in ` +
            `${RETRY_AFTER_MS / 1000} s: ${(error as Error).message}`
        )
        setTimeout(() => drain(container), RETRY_AFTER_MS).unref()
        return
      }
    }
  } catch (error) {
    // Redis unreachable: the products stay queued; the next event starts a drain again.
    logger.error(`catalog: sync queue unreadable: ${(error as Error).message}`)
  } finally {
    drains.delete(container)
  }
}

type Batch = { ids: Set<string>; done: Promise<void> }

const open = new WeakMap<MedusaContainer, Batch>()

function syncInWindow(container: MedusaContainer, productIds: string[]): Promise<void> {
  let batch = open.get(container)
  if (!batch) {
    const ids = new Set<string>()
    const done = new Promise<void>((resolve) => setTimeout(resolve, SYNC_BATCH_WINDOW_MS)).then(
      async () => {
        open.delete(container)
        await syncCatalogProductsWorkflow(container).run({ input: { product_ids: [...ids] } })
      }
    )
    batch = { ids, done }
    open.set(container, batch)
  }
  for (const id of productIds) {
    batch.ids.add(id)
  }
  return batch.done
}
