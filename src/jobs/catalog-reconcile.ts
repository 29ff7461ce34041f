import type { MedusaContainer } from "@medusajs/framework/types"
import { backfillCatalog } from "../tasks/catalog/backfill"

/**
 * Nightly safety net for the catalog read model: events can be lost (a worker crash
 * between a write and its subscriber) and some changes emit no event at all (a deleted
 * reservation without an order), so every product is re-synced and the typo lexicon
 * recounted. The sync is idempotent, so this never changes a correct row.
 */
export default async function reconcileCatalog(container: MedusaContainer): Promise<void> {
  await backfillCatalog(container)
}

export const config = {
  name: "catalog-reconcile",
  schedule: process.env.CATALOG_RECONCILE_SCHEDULE || "30 3 * * *",
}
