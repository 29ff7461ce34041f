import { positiveIntFromEnv } from "../env"

export type CatalogSettings = {
  /** `catalog.stock_low` is emitted when a product's available stock falls below this. */
  lowStockThreshold: number
  /** How long a process keeps a rendered catalog response (milliseconds). */
  cacheTtlMs: number
  /** How many rendered responses a process keeps. */
  cacheEntries: number
}

export function readCatalogSettings(env: NodeJS.ProcessEnv = process.env): CatalogSettings {
  return {
    lowStockThreshold: positiveIntFromEnv(env.LOW_STOCK_THRESHOLD, 5, "LOW_STOCK_THRESHOLD"),
    cacheTtlMs: positiveIntFromEnv(env.CATALOG_CACHE_TTL_MS, 5000, "CATALOG_CACHE_TTL_MS"),
    cacheEntries: positiveIntFromEnv(env.CATALOG_CACHE_ENTRIES, 5000, "CATALOG_CACHE_ENTRIES"),
  }
}

let cached: CatalogSettings | undefined

export function catalogSettings(): CatalogSettings {
  cached ??= readCatalogSettings()
  return cached
}
