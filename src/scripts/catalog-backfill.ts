import type { ExecArgs } from "@medusajs/framework/types"
import { backfillCatalog } from "../tasks/catalog/backfill"

/**
 * `npm run catalog:backfill`: builds the catalog read model from Medusa's products, for
 * a store that had products before the catalog module, or after a restore.
 */
export default async function catalogBackfill({ container }: ExecArgs): Promise<void> {
  await backfillCatalog(container)
}
