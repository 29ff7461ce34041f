import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type Redis from "ioredis"
import { PLATFORM_MODULE } from "../../modules/platform"
import type PlatformModuleService from "../../modules/platform/service"

export type DependencyCheck = { status: "up" | "down"; latency_ms: number; error?: string }

export type Readiness = {
  status: "ready" | "unavailable"
  checks: { database: DependencyCheck; redis?: DependencyCheck }
}

const TIMEOUT_MS = 2000

/** The part of Medusa's knex connection the check needs. */
type SqlConnection = { raw(sql: string): PromiseLike<unknown> }

async function timed(probe: () => Promise<unknown>): Promise<DependencyCheck> {
  const started = Date.now()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS)
  })
  try {
    await Promise.race([probe(), timeout])
    return { status: "up", latency_ms: Date.now() - started }
  } catch (error) {
    // The reason only, never addresses or credentials from a driver's message.
    const reason =
      error instanceof Error && /within/.test(error.message) ? error.message : "unreachable"
    return { status: "down", latency_ms: Date.now() - started, error: reason }
  } finally {
    clearTimeout(timer)
  }
}

/** PING, first waiting (within the time-out) for a connection still being made. */
async function pingRedis(platform: PlatformModuleService, redis: Redis): Promise<void> {
  if (redis.status === "connecting" || redis.status === "connect" || redis.status === "wait") {
    await platform.whenReady(TIMEOUT_MS)
  }
  await redis.ping()
}

/** PostgreSQL, and the platform module's Redis when configured, each asked a trivial question. */
export async function checkReadiness(container: MedusaContainer): Promise<Readiness> {
  const pg = container.resolve<SqlConnection>(ContainerRegistrationKeys.PG_CONNECTION)
  const platform = container.resolve<PlatformModuleService>(PLATFORM_MODULE)
  const redis = platform.redis()
  const [database, redisCheck] = await Promise.all([
    timed(async () => pg.raw("select 1")),
    redis ? timed(() => pingRedis(platform, redis)) : Promise.resolve(undefined),
  ])
  const checks = redisCheck ? { database, redis: redisCheck } : { database }
  const ready = Object.values(checks).every((check) => check.status === "up")
  return { status: ready ? "ready" : "unavailable", checks }
}
