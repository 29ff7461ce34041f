import { positiveIntFromEnv } from "../env"

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
