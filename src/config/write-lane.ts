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
  return { url, secret: createHmac("sha256", key).update("engine write lane").digest("hex") }
}

let cached: WriteLaneSettings | undefined

export function writeLaneSettings(): WriteLaneSettings {
  cached ??= readWriteLaneSettings()
  return cached
}
