import type { MedusaContainer } from "@medusajs/framework/types"
import { syncCatalogProductsWorkflow } from "../../workflows/catalog/sync-catalog-products"

/** How long a batch waits for more events before it syncs. */
export const SYNC_BATCH_WINDOW_MS = 50

type Batch = { ids: Set<string>; done: Promise<void> }

const open = new WeakMap<MedusaContainer, Batch>()

/**
 * Syncs products on behalf of event subscribers, coalescing what arrives within a short
 * window into one sync: a single product write emits half a dozen events (product,
 * variant, price, inventory level…), and the event bus runs several handlers at once.
 * Resolves (or rejects) when the batch holding these ids has been synced.
 */
export function requestCatalogSync(
  container: MedusaContainer,
  productIds: string[]
): Promise<void> {
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
