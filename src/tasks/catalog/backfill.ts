import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CATALOG_MODULE } from "../../modules/catalog"
import type CatalogModuleService from "../../modules/catalog/service"
import { rebuildCatalogLexiconWorkflow } from "../../workflows/catalog/rebuild-catalog-lexicon"
import { syncCatalogProductsWorkflow } from "../../workflows/catalog/sync-catalog-products"

export const BACKFILL_BATCH_SIZE = 200

/**
 * Rebuilds the catalog from every product Medusa has, a batch at a time (products paged
 * by id), drops rows of products that no longer exist, then recounts the typo-correction
 * lexicon and refreshes the tables' statistics (the read queries' plans depend on them). Safe to run at any time and repeatedly: the sync is idempotent and ordered
 * (docs/CATALOG.md). Used by `npm run catalog:backfill`, the seed and the nightly job.
 */
export async function backfillCatalog(
  container: MedusaContainer,
  batchSize = BACKFILL_BATCH_SIZE
): Promise<{ synced: number; removed: number }> {
  const productModule = container.resolve(Modules.PRODUCT)
  const catalog = container.resolve<CatalogModuleService>(CATALOG_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)

  let synced = 0
  let lastId = ""
  for (;;) {
    const page = await productModule.listProducts(lastId ? { id: { $gt: lastId } } : {}, {
      select: ["id"],
      take: batchSize,
      order: { id: "ASC" },
    })
    if (!page.length) {
      break
    }
    await syncCatalogProductsWorkflow(container).run({
      input: { product_ids: page.map((product) => product.id) },
    })
    synced += page.length
    lastId = page[page.length - 1].id
  }

  // Rows whose product is gone (deleted while no sync ran, e.g. a failed subscriber).
  let removed = 0
  let lastRow = ""
  for (;;) {
    const rows = await catalog.listCatalogProducts(lastRow ? { id: { $gt: lastRow } } : {}, {
      select: ["id"],
      take: batchSize,
      order: { id: "ASC" },
    })
    if (!rows.length) {
      break
    }
    const ids = rows.map((row) => row.id)
    const existing = await productModule.listProducts({ id: ids }, { select: ["id"] })
    const known = new Set(existing.map((product) => product.id))
    const gone = ids.filter((id) => !known.has(id))
    if (gone.length) {
      await syncCatalogProductsWorkflow(container).run({ input: { product_ids: gone } })
      removed += gone.length
    }
    lastRow = ids[ids.length - 1]
  }

  await rebuildCatalogLexiconWorkflow(container).run()
  await catalog.refreshStatistics()
  logger.info(`catalog: backfill synced ${synced} products, removed ${removed} stale rows`)
  return { synced, removed }
}
