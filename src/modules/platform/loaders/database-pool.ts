import type { LoaderOptions } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { PlatformModuleOptions } from "../types"

/** The part of Medusa's shared knex connection this loader touches: tarn's pool. */
type KnexWithPool = { client?: { pool?: { acquireTimeoutMillis?: number } } }

/**
 * Bounds how long a request waits for a PostgreSQL connection from Medusa's shared pool
 * (knex's default is 60 s: with the database restarting, every request would hang that
 * long). Medusa forwards no acquire time-out to knex, so it is set on the pool itself,
 * which reads it for each acquisition. The time-out then fails the request with knex's
 * KnexTimeoutError, answered 503 (src/api/utils/dependency-errors.ts).
 */
export default async function databasePoolLoader({
  container,
  options,
}: LoaderOptions<PlatformModuleOptions>): Promise<void> {
  const timeoutMs = options?.databaseAcquireTimeoutMs
  if (!timeoutMs) {
    return
  }
  const pg = container.resolve<KnexWithPool | undefined>(ContainerRegistrationKeys.PG_CONNECTION, {
    allowUnregistered: true,
  })
  const pool = pg?.client?.pool
  if (pool) {
    pool.acquireTimeoutMillis = timeoutMs
  }
}
