import type { LoaderOptions } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { PlatformModuleOptions } from "../types"

/** What this loader reads of a pooled node-postgres client. */
export type PooledPgClient = {
  /** False while a query sent on it has had no answer yet. */
  readyForQuery?: boolean
  /** The server's last word on the session: "I" idle, "T" in a transaction, "E" failed one. */
  getTransactionStatus?: () => string | null
  /** Closes the connection: at once (the socket) when a query is still in flight. */
  end?: () => Promise<void>
}

/** The part of Medusa's shared knex connection this loader touches: its client and tarn's pool. */
type KnexWithPool = {
  client?: {
    pool?: { acquireTimeoutMillis?: number }
    validateConnection?: (connection: PooledPgClient) => boolean
    releaseConnection?: (connection: PooledPgClient) => Promise<void>
  }
}

/**
 * Whether a connection taken from the pool may serve a request. A connection goes back to
 * the pool idle, outside any transaction, except after a query given up on: pg's client-side
 * query time-out (a silent or slow network or server, src/config/database.ts) fails the
 * query but leaves it in flight, and a rollback queued behind it times out unsent. Such a
 * connection either still waits for that answer, or has it and sits inside the abandoned
 * transaction with its writes applied and its row locks held. Reused, the next request would
 * run inside that transaction: its COMMIT would commit the abandoned writes of a request
 * answered 503, or its own writes would never be committed while it answered 200. So it is
 * closed, which ends the transaction on the server (a rollback) and frees its locks.
 */
export function isReusableConnection(connection: PooledPgClient): boolean {
  if (connection.readyForQuery === false) {
    return false
  }
  const status = connection.getTransactionStatus?.() ?? "I"
  return status === "I"
}

/**
 * Medusa's shared knex pool, made safe for a database that goes slow or silent:
 * - it waits for a connection at most `databaseAcquireTimeoutMs` (knex's default is 60 s:
 *   with the database restarting, every request would hang that long). Medusa forwards no
 *   acquire time-out to knex, so it is set on the pool itself, which reads it for each
 *   acquisition; the time-out fails the request with knex's KnexTimeoutError, answered 503
 *   (src/api/utils/dependency-errors.ts);
 * - it keeps only connections that are idle outside a transaction (isReusableConnection):
 *   one given back in another state is closed on the spot, so PostgreSQL rolls back what it
 *   holds as soon as the close reaches it, and knex, which checks `validateConnection`
 *   each time it takes a connection from the pool, discards it (and any other that fails
 *   the check) instead of handing it out.
 */
export default async function databasePoolLoader({
  container,
  options,
}: LoaderOptions<PlatformModuleOptions>): Promise<void> {
  const pg = container.resolve<KnexWithPool | undefined>(ContainerRegistrationKeys.PG_CONNECTION, {
    allowUnregistered: true,
  })
  const client = pg?.client
  if (!client) {
    return
  }
  client.validateConnection = isReusableConnection
  const release = client.releaseConnection?.bind(client)
  if (release) {
    client.releaseConnection = (connection) => {
      if (!isReusableConnection(connection)) {
        // Its failure is the pool's to see: the closed connection fails validation.
        connection.end?.().catch(() => undefined)
      }
      return release(connection)
    }
  }
  const timeoutMs = options?.databaseAcquireTimeoutMs
  if (timeoutMs && client.pool) {
    client.pool.acquireTimeoutMillis = timeoutMs
  }
}
