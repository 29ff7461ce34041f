import { MedusaError } from "@medusajs/framework/utils"

/**
 * The size from which JSON answers are compressed (HTTP_COMPRESSION_THRESHOLD, bytes; 1 KB
 * by default: below about that an answer fits one TCP packet whatever its encoding). Read
 * by medusa-config.ts for Medusa's compression middleware and by the catalog's
 * precompressed answers (src/api/utils/http-cache.ts).
 */
export function readHttpCompressionThreshold(env: NodeJS.ProcessEnv = process.env): number {
  const threshold = Number(env.HTTP_COMPRESSION_THRESHOLD || 1024)
  if (!Number.isInteger(threshold) || threshold < 0) {
    throw new MedusaError(
      MedusaError.Types.INVALID_ARGUMENT,
      `HTTP_COMPRESSION_THRESHOLD must be a whole number of bytes, got "${env.HTTP_COMPRESSION_THRESHOLD}"`
    )
  }
  return threshold
}
