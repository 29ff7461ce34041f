import { createHmac } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * The write lane (docs/OPERATIONS.md, "Processes"): HTTP server processes that answer the
 * shop's writes, apart from the ones that answer its reads. `npm start` sets WRITE_LANE_URL
 * on the front processes when CLUSTER_WRITERS is above 0; the writers have none.
 */
export type WriteLaneSettings = {
  /** Where the front processes send requests that change something; none: answer them here. */
  url?: URL
  /**
   * What a front proves itself with to a writer, so a writer trusts the client address and
   * protocol a request carries only from a front (derived from COOKIE_SECRET, which every
   * process of one deployment shares).
   */
  secret: string
  /** WRITE_LANE_TIMEOUT_MS: how long a writer may stay silent on a request (default 120 s). */
  timeoutMs: number
}

/**
 * Longer than the slowest write a database outage makes with the default time-outs
 * (docs/OPERATIONS.md, "Database outages": more than a minute), so the lane cuts only a
 * writer that hangs, never one still working through a slow database.
 */
export const DEFAULT_WRITE_LANE_TIMEOUT_MS = 120_000

function readTimeoutMs(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") {
    return DEFAULT_WRITE_LANE_TIMEOUT_MS
  }
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1_000) {
    throw new MedusaError(
      MedusaError.Types.INVALID_ARGUMENT,
      `WRITE_LANE_TIMEOUT_MS="${raw}" is not a number of milliseconds of at least 1000`
    )
  }
  return value
}

export function readWriteLaneSettings(env: NodeJS.ProcessEnv = process.env): WriteLaneSettings {
  const raw = env.WRITE_LANE_URL?.trim()
  let url: URL | undefined
  if (raw) {
    try {
      url = new URL(raw)
    } catch {
      url = undefined
    }
    if (!url || url.protocol !== "http:" || !url.port || url.pathname !== "/") {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        `WRITE_LANE_URL="${raw}" is not a writer's address such as http://127.0.0.1:9002`
      )
    }
  }
  const key = env.COOKIE_SECRET || env.JWT_SECRET || "supersecret"
  return {
    url,
    secret: createHmac("sha256", key).update("engine write lane").digest("hex"),
    timeoutMs: readTimeoutMs(env.WRITE_LANE_TIMEOUT_MS),
  }
}

let cached: WriteLaneSettings | undefined

export function writeLaneSettings(): WriteLaneSettings {
  cached ??= readWriteLaneSettings()
  return cached
}
