import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PLATFORM_MODULE } from "../../modules/platform"
import type PlatformModuleService from "../../modules/platform/service"
import { unavailableResponse } from "./errors"

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"])

/**
 * Fails writes closed while Redis is unreachable. Every change relies on it: Medusa's
 * locks (stock, orders, idempotency keys), its event bus (catalog sync, emails) and
 * workflow engine, and token revocation across instances. Without it a write would wait
 * on ioredis' reconnect retries for tens of seconds and then fail half-way with a 500, or
 * run without the cross-instance lock. So a write is refused at once with 503 and
 * Retry-After before anything runs; reads keep working (the rate limits and revocations
 * fall back to this process's memory, the catalog cache to the database). The platform
 * connection queues nothing while disconnected, so its status is the current one, and it
 * reconnects by itself: writes are accepted again as soon as Redis answers.
 */
export function refuseWritesWithoutRedis(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): void {
  if (READ_METHODS.has(req.method)) {
    return next()
  }
  const redis = req.scope.resolve<PlatformModuleService>(PLATFORM_MODULE).redis()
  if (!redis || redis.status === "ready") {
    return next()
  }
  const response = unavailableResponse("redis")
  res.set(response.headers)
  res.status(response.status).json(response.body)
}
