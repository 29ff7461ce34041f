import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { metricsRegistry } from "../utils/metrics"

export async function GET(_req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const registry = metricsRegistry()
  res.setHeader("Content-Type", registry.contentType)
  res.setHeader("Cache-Control", "no-store")
  res.status(200).send(await registry.metrics())
}
