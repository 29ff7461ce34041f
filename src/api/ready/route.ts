import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkReadiness } from "../utils/readiness"

/** 200 when PostgreSQL (and Redis, when configured) answer; 503 naming what does not. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const readiness = await checkReadiness(req.scope)
  res.setHeader("Cache-Control", "no-store")
  res.status(readiness.status === "ready" ? 200 : 503).json(readiness)
}
