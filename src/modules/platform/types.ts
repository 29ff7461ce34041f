import type { Logger } from "@medusajs/framework/types"
import type Redis from "ioredis"

/**
 * Options of the platform module, built in medusa-config.ts from the environment
 * (src/config reads it; README.md lists the variables).
 */
export type PlatformModuleOptions = {
  /**
   * Redis shared by every server and worker process: rate limits, token revocations and
   * the catalog cache generation. Unset: each process keeps them in its own memory.
   */
  redisUrl?: string
  /** The per-process (L1) catalog cache: how many rendered responses, for how long. */
  catalogCache: { entries: number; ttlMs: number }
  /** How long a request waits for a PostgreSQL connection from Medusa's pool (DB_ACQUIRE_TIMEOUT_MS). */
  databaseAcquireTimeoutMs?: number
}

/** What the loader registers in the module's container. */
export type PlatformConnections = {
  /** Commands: revocations, rate limits, readiness, the generation counter. */
  platformRedis?: Redis
  /** Subscribed to the catalog's invalidation announcements. */
  platformSubscriber?: Redis
}

/** The module container's cradle, as the service receives it. */
export type PlatformDependencies = PlatformConnections & {
  logger: Logger
}

/** The claims of an access token a revocation is checked against. */
export type RevocationClaims = { sid?: unknown; actor_id?: unknown; iat?: unknown }
