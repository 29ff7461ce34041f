import { positiveIntFromEnv } from "../utils/env"

export type CatalogSettings = {
  /** `catalog.stock_low` is emitted when a product's available stock falls below this. */
  lowStockThreshold: number
  /**
   * How long a process keeps a rendered catalog response (milliseconds). Writes invalidate
   * entries at once (generation); this only bounds memory held by unused entries.
   */
  cacheTtlMs: number
  /** How many rendered responses a process keeps. */
  cacheEntries: number
  /** `max-age` of public catalog answers (seconds): how long a CDN or phone reuses one. */
  httpMaxAgeSeconds: number
  /** `stale-while-revalidate` of public catalog answers (seconds), after max-age. */
  httpStaleWhileRevalidateSeconds: number
  /**
   * Searches are answered from an in-process index while the catalog has at most this many
   * rows (0: never; docs/CATALOG.md, "Search"). About 0.5 KB of memory per product.
   */
  searchIndexMaxProducts: number
  /**
   * The index also keeps the products' JSON (pages of sorts other than relevance then need
   * no statement) while it is estimated at most this many bytes (0: never).
   */
  searchIndexMaxViewBytes: number
}

export function readCatalogSettings(env: NodeJS.ProcessEnv = process.env): CatalogSettings {
  return {
    lowStockThreshold: positiveIntFromEnv(env.LOW_STOCK_THRESHOLD, 5, "LOW_STOCK_THRESHOLD"),
    cacheTtlMs: positiveIntFromEnv(env.CATALOG_CACHE_TTL_MS, 60_000, "CATALOG_CACHE_TTL_MS"),
    cacheEntries: positiveIntFromEnv(env.CATALOG_CACHE_ENTRIES, 5000, "CATALOG_CACHE_ENTRIES"),
    httpMaxAgeSeconds: positiveIntFromEnv(env.CATALOG_HTTP_MAX_AGE, 10, "CATALOG_HTTP_MAX_AGE"),
    httpStaleWhileRevalidateSeconds: positiveIntFromEnv(
      env.CATALOG_HTTP_STALE_WHILE_REVALIDATE,
      30,
      "CATALOG_HTTP_STALE_WHILE_REVALIDATE"
    ),
    searchIndexMaxProducts:
      env.CATALOG_SEARCH_INDEX === "false"
        ? 0
        : positiveIntFromEnv(
            env.CATALOG_SEARCH_INDEX_MAX_PRODUCTS,
            250_000,
            "CATALOG_SEARCH_INDEX_MAX_PRODUCTS"
          ),
    searchIndexMaxViewBytes:
      env.CATALOG_SEARCH_INDEX_VIEWS === "false"
        ? 0
        : positiveIntFromEnv(
            env.CATALOG_SEARCH_INDEX_VIEWS_MB,
            128,
            "CATALOG_SEARCH_INDEX_VIEWS_MB"
          ) *
          1024 *
          1024,
  }
}

let cached: CatalogSettings | undefined

export function catalogSettings(): CatalogSettings {
  cached ??= readCatalogSettings()
  return cached
}

/** 5 MiB. */
export const DEFAULT_PRODUCT_IMAGE_MAX_BYTES = 5 * 1024 * 1024
/** Files one upload request may carry. */
export const MAX_IMAGES_PER_UPLOAD = 10

export type CatalogMediaSettings = { imageMaxBytes: number; maxImagesPerUpload: number }

/** Product image settings from the environment (README lists the variables). */
export function catalogMediaSettings(env: NodeJS.ProcessEnv = process.env): CatalogMediaSettings {
  return {
    imageMaxBytes: positiveIntFromEnv(
      env.PRODUCT_IMAGE_MAX_BYTES,
      DEFAULT_PRODUCT_IMAGE_MAX_BYTES,
      "PRODUCT_IMAGE_MAX_BYTES"
    ),
    maxImagesPerUpload: MAX_IMAGES_PER_UPLOAD,
  }
}
