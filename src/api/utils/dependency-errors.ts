/**
 * Errors that mean a dependency (PostgreSQL or Redis) is down or too slow, not that the
 * request or the code is wrong. They are answered 503 with Retry-After in the shared
 * error shape (docs/SECURITY.md, "Fault suite"): the client may retry, nothing leaks.
 */
export type UnavailableDependency = "database" | "redis"

/** PostgreSQL SQLSTATEs of a timed-out statement or lock, a shutdown or a lost connection. */
const DATABASE_CODES = new Set([
  "57014", // query_canceled: statement_timeout
  "55P03", // lock_not_available: lock_timeout
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up)
  "08000", // connection_exception
  "08003", // connection_does_not_exist
  "08006", // connection_failure
])

/**
 * Knex puts the failed statement in front of a query's error message ("select … - Query
 * read timeout"), so pg's message is matched at the start or after that " - ", and up to
 * the end, where knex leaves it: a value a client wrote, which the statement may quote,
 * cannot make another error look like an outage.
 */
const AFTER_KNEX_SQL = "(?:^| - )"

const DATABASE_MESSAGES = [
  /^Knex: Timeout acquiring a connection/, // the pool's acquire timeout
  new RegExp(`${AFTER_KNEX_SQL}Query read timeout$`), // pg's client-side query_timeout
  // pg: the server or the network closed the connection
  new RegExp(
    `${AFTER_KNEX_SQL}Connection terminated(?: unexpectedly| due to connection timeout)?$`
  ),
  new RegExp(`${AFTER_KNEX_SQL}Client has encountered a connection error and is not queryable$`),
  new RegExp(`${AFTER_KNEX_SQL}Client was closed and is not queryable$`),
  /timeout exceeded when trying to connect/i,
]

const REDIS_MESSAGES = [
  /^Reached the max retries per request limit/, // ioredis MaxRetriesPerRequestError
  /^Connection is closed\.?$/, // ioredis, a command on a closed connection
  /^Stream isn't writeable and enableOfflineQueue options is false/,
  /^Redis not ready within/, // the platform module's whenReady
  /^Redis connection closed$/,
]

type ErrorLike = { name?: unknown; code?: unknown; message?: unknown; cause?: unknown }

/**
 * Which dependency `error` says is unavailable, if any. Reads plain objects too: errors
 * thrown in workflow steps cross the Redis workflow engine as objects.
 */
export function unavailableDependency(
  error: unknown,
  depth = 0
): UnavailableDependency | undefined {
  if (typeof error !== "object" || error === null || depth > 3) {
    return undefined
  }
  const { name, code, message, cause } = error as ErrorLike
  const text = typeof message === "string" ? message : ""
  if (name === "MaxRetriesPerRequestError" || REDIS_MESSAGES.some((re) => re.test(text))) {
    return "redis"
  }
  if (name === "KnexTimeoutError" || (typeof code === "string" && DATABASE_CODES.has(code))) {
    return "database"
  }
  if (DATABASE_MESSAGES.some((re) => re.test(text))) {
    return "database"
  }
  return unavailableDependency(cause, depth + 1)
}

export const UNAVAILABLE_MESSAGES: Record<UnavailableDependency, string> = {
  database:
    "The database did not answer in time or is restarting; the request was not completed. Retry shortly.",
  redis:
    "Redis (locks, events and idempotency keys) is unreachable, so changes are refused; reads keep working. Retry shortly.",
}
