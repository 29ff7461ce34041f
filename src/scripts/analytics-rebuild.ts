import type { ExecArgs } from "@medusajs/framework/types"
import { rebuildAnalytics } from "../tasks/analytics/rebuild"

/**
 * `npm run analytics:rebuild`: rebuilds the analytics rollups from every order, for a store
 * that had orders before the analytics module, after a restore, or any time (idempotent).
 */
export default async function analyticsRebuild({ container }: ExecArgs): Promise<void> {
  await rebuildAnalytics(container)
}
