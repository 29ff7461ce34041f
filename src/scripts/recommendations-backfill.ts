import type { ExecArgs } from "@medusajs/framework/types"
import { backfillRecommendations } from "../tasks/recommendation/backfill"

/**
 * `npm run recommendations:backfill`: counts the paid orders placed before the
 * recommendation module existed (idempotent: counted orders are left alone).
 */
export default async function recommendationsBackfill({ container }: ExecArgs): Promise<void> {
  await backfillRecommendations(container)
}
