import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  deleteFilesWorkflow,
  releaseLockStep,
  updateProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { productImagesLockKey } from "./add-product-images"
import { loadProductImagesStep } from "./steps/load-product-images"
import { syncCatalogProductsWorkflow } from "./sync-catalog-products"

export type RemoveProductImageInput = { product_id: string; image_id: string }

/**
 * DELETE /products/{id}/images/{image_id}: detaches the image from the product (404 when
 * the product or the image is unknown), moves the thumbnail to the next image when it was
 * this one, re-syncs the catalog, and last deletes the stored file when the engine
 * uploaded it (images added elsewhere, e.g. the dashboard, keep their files). Deleting the
 * file comes last because it cannot be undone.
 */
export const removeProductImageWorkflow = createWorkflow(
  "catalog-image-remove-product-image",
  (input: RemoveProductImageInput) => {
    const lockKey = transform({ input }, ({ input }) => productImagesLockKey(input.product_id))
    const ownedLock = acquireOwnedLockStep({ key: lockKey, timeout: 10, ttl: 60 })
    const product = loadProductImagesStep(input)

    const change = transform({ input, product }, ({ input, product }) => {
      const removed = product.images.find((image) => image.id === input.image_id)
      const kept = product.images.filter((image) => image.id !== input.image_id)
      const thumbnailGone = !product.thumbnail || product.thumbnail === removed?.url
      const fileId = removed?.metadata?.file_id
      return {
        update: {
          selector: { id: product.id },
          update: {
            images: kept.map((image) => ({ id: image.id, url: image.url })),
            ...(thumbnailGone ? { thumbnail: kept[0]?.url ?? null } : {}),
          },
        },
        file_ids: typeof fileId === "string" ? [fileId] : [],
      }
    })
    const update = transform({ change }, ({ change }) => change.update)
    updateProductsWorkflow.runAsStep({ input: update })

    const productIds = transform({ input }, ({ input }) => ({ product_ids: [input.product_id] }))
    syncCatalogProductsWorkflow.runAsStep({ input: productIds })
    releaseLockStep({ key: lockKey, ownerId: ownedLock.owner_id })

    when({ change }, ({ change }) => change.file_ids.length > 0).then(() => {
      const files = transform({ change }, ({ change }) => ({ ids: change.file_ids }))
      deleteFilesWorkflow.runAsStep({ input: files })
    })
    return new WorkflowResponse(input)
  }
)
