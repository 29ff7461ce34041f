import Redis from "ioredis"
import { ConfigError } from "./config-error"

const CONNECT_TIMEOUT_MS = 3_000

/** Checks that REDIS_URL is a redis:// URL and that the server answers PING. */
export async function assertRedisReachable(url: string, envName = "REDIS_URL"): Promise<void> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new ConfigError(`${envName} is not a valid URL: expected redis://host:6379`)
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new ConfigError(
      `${envName} must start with redis:// or rediss:// (got "${parsed.protocol}")`
    )
  }
  const address = `${parsed.hostname}:${parsed.port || "6379"}`
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  })
  // Errors are reported through the rejected promise below, not as unhandled events.
  client.on("error", () => undefined)
  try {
    await client.connect()
    await client.ping()
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new ConfigError(
      `cannot reach Redis at ${address} (${reason}): start it, fix ${envName}, or unset ${envName} to use the in-memory modules`
    )
  } finally {
    client.disconnect()
  }
}
