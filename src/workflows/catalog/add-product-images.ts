import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  releaseLockStep,
  updateProductsWorkflow,
  uploadFilesWorkflow,
} from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { checkImageFilesStep } from "./steps/check-image-files"
import { loadProductImagesStep } from "./steps/load-product-images"
import { syncCatalogProductsWorkflow } from "./sync-catalog-products"

export type AddProductImagesInput = {
  product_id: string
  /** Image contents, base64; their type is recognised from the bytes. */
  files: { content: string }[]
}

export type AddProductImagesResult = { product_id: string; file_ids: string[] }

/** Serialises image changes of one product (each change writes the whole images list). */
export function productImagesLockKey(productId: string): string {
  return `catalog-product-images:${productId}`
}

/**
 * POST /products/{id}/images: checks the files' types from their bytes, stores them with
 * generated names through Medusa's file module (uploadFilesWorkflow) and appends them to
 * the product's images (updateProductsWorkflow with the existing images kept by id; the
 * first image becomes the thumbnail when the product has none). If attaching fails, the
 * upload's compensation deletes the stored files. Ends with the catalog re-sync.
 */
export const addProductImagesWorkflow = createWorkflow(
  "catalog-image-add-product-images",
  (input: AddProductImagesInput) => {
    const files = checkImageFilesStep(input)
    const lockKey = transform({ input }, ({ input }) => productImagesLockKey(input.product_id))
    const ownedLock = acquireOwnedLockStep({ key: lockKey, timeout: 10, ttl: 60 })
    const product = loadProductImagesStep({ product_id: input.product_id })

    const uploaded = uploadFilesWorkflow.runAsStep({ input: { files } })

    const update = transform({ product, uploaded }, ({ product, uploaded }) => {
      const images = [
        ...product.images.map((image) => ({ id: image.id, url: image.url })),
        ...uploaded.map((file) => ({ url: file.url, metadata: { file_id: file.id } })),
      ]
      return {
        selector: { id: product.id },
        update: {
          images,
          ...(product.thumbnail ? {} : { thumbnail: images[0]?.url ?? null }),
        },
      }
    })
    updateProductsWorkflow.runAsStep({ input: update })

    const productIds = transform({ input }, ({ input }) => ({ product_ids: [input.product_id] }))
    syncCatalogProductsWorkflow.runAsStep({ input: productIds })
    releaseLockStep({ key: lockKey, ownerId: ownedLock.owner_id })

    const result = transform({ input, uploaded }, ({ input, uploaded }) => ({
      product_id: input.product_id,
      file_ids: uploaded.map((file) => file.id),
    }))
    return new WorkflowResponse<AddProductImagesResult>(result)
  }
)
