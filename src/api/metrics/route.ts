import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PLATFORM_MODULE } from "../../modules/platform"
import type PlatformModuleService from "../../modules/platform/service"
import { CATALOG_MODULE } from "../../modules/catalog"
import type CatalogModuleService from "../../modules/catalog/service"
import {
  applyBusinessSnapshot,
  applyCatalogSyncSnapshot,
  applySearchIndexSnapshot,
} from "../utils/business-metrics"
import { businessMetrics, metricsRegistry } from "../utils/metrics"

export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const platform = req.scope.resolve<PlatformModuleService>(PLATFORM_MODULE)
  // Redis down: the process metrics still answer; the business series are left out.
  const [counts, queue, catalogSync] = await Promise.all([
    platform.businessCounts().catch(() => undefined),
    platform.eventQueueStats().catch(() => undefined),
    platform.catalogSyncStats().catch(() => undefined),
  ])
  applyBusinessSnapshot(businessMetrics(), counts, queue)
  applyCatalogSyncSnapshot(businessMetrics(), catalogSync)
  applySearchIndexSnapshot(
    businessMetrics(),
    req.scope.resolve<CatalogModuleService>(CATALOG_MODULE).searchIndexStats()
  )
  const registry = metricsRegistry()
  res.setHeader("Content-Type", registry.contentType)
  res.setHeader("Cache-Control", "no-store")
  res.status(200).send(await registry.metrics())
}
