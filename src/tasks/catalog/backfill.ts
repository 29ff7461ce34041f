import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CATALOG_MODULE } from "../../modules/catalog"
import type CatalogModuleService from "../../modules/catalog/service"
import { keysetPages } from "../../utils/keyset-pages"
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
  const products = keysetPages(
    (afterId) =>
      productModule.listProducts(afterId ? { id: { $gt: afterId } } : {}, {
        select: ["id"],
        take: batchSize,
        order: { id: "ASC" },
      }),
    batchSize
  )
  for await (const page of products) {
    await syncCatalogProductsWorkflow(container).run({
      input: { product_ids: page.map((product) => product.id) },
    })
    synced += page.length
  }

  // Rows whose product is gone (deleted while no sync ran, e.g. a failed subscriber).
  let removed = 0
  const catalogRows = keysetPages(
    (afterId) =>
      catalog.listCatalogProducts(afterId ? { id: { $gt: afterId } } : {}, {
        select: ["id"],
        take: batchSize,
        order: { id: "ASC" },
      }),
    batchSize
  )
  for await (const rows of catalogRows) {
    const ids = rows.map((row) => row.id)
    const existing = await productModule.listProducts({ id: ids }, { select: ["id"] })
    const known = new Set(existing.map((product) => product.id))
    const gone = ids.filter((id) => !known.has(id))
    if (gone.length) {
      await syncCatalogProductsWorkflow(container).run({ input: { product_ids: gone } })
      removed += gone.length
    }
  }

  await rebuildCatalogLexiconWorkflow(container).run()
  await catalog.refreshStatistics()
  logger.info(`catalog: backfill synced ${synced} products, removed ${removed} stale rows`)
  return { synced, removed }
}
