import type { MedusaContainer } from "@medusajs/framework/types"
import { rebuildAnalytics } from "../tasks/analytics/rebuild"

/**
 * Nightly safety net for the analytics rollups: an event lost between a status change and
 * its subscriber (a worker crash) leaves one order's fact stale until this runs. The
 * rebuild is idempotent, so it never changes correct figures.
 */
export default async function rebuildAnalyticsJob(container: MedusaContainer): Promise<void> {
  await rebuildAnalytics(container)
}

export const config = {
  name: "analytics-rebuild",
  schedule: process.env.ANALYTICS_REBUILD_SCHEDULE || "45 3 * * *",
}
