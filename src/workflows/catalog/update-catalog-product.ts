import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ProductStatus } from "@medusajs/framework/utils"
import { updateProductsWorkflow, updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { chooseProductHandleStep } from "./steps/choose-product-handle"
import { ensureProductTagsStep } from "./steps/ensure-product-tags"
import { loadCatalogProductStep } from "./steps/load-catalog-product"
import { resolveProductDefaultsStep } from "./steps/resolve-product-defaults"
import { setProductStockWorkflow } from "./set-product-stock"
import { syncCatalogProductsWorkflow } from "./sync-catalog-products"

export type UpdateCatalogProductInput = {
  id: string
  name?: string
  handle?: string
  description?: string | null
  price?: string
  currency_code?: string
  category_id?: string | null
  tags?: string[]
  is_active?: boolean
  /** Units available to sell after the change. */
  stock_quantity?: number
  /** Units added (positive) or removed (negative). */
  stock_adjustment?: number
}

/**
 * PUT /products/{id}: a partial update through Medusa's product, variant (price) and
 * inventory workflows (set-product-stock.ts), then the catalog row.
 */
export const updateCatalogProductWorkflow = createWorkflow(
  "catalog-update-product",
  (input: UpdateCatalogProductInput) => {
    const product = loadCatalogProductStep(transform({ input }, ({ input }) => ({ id: input.id })))
    const wantsStock = transform(
      { input },
      ({ input }) => input.stock_quantity !== undefined || input.stock_adjustment !== undefined
    )
    const defaults = resolveProductDefaultsStep(
      transform({ input, wantsStock }, ({ input, wantsStock }) => ({
        category_id: input.category_id,
        needs_location: wantsStock,
      }))
    )

    when({ input }, ({ input }) =>
      [
        input.name,
        input.handle,
        input.description,
        input.category_id,
        input.tags,
        input.is_active,
      ].some((value) => value !== undefined)
    ).then(() => {
      const handle = chooseProductHandleStep(
        transform({ input }, ({ input }) => ({ handle: input.handle, product_id: input.id }))
      )
      const tagIds = ensureProductTagsStep(
        transform({ input }, ({ input }) => ({ values: input.tags }))
      )
      updateProductsWorkflow.runAsStep({
        input: transform({ input, tagIds, handle }, ({ input, tagIds, handle }) => ({
          selector: { id: input.id },
          update: {
            ...(input.name !== undefined ? { title: input.name } : {}),
            ...(handle ? { handle } : {}),
            ...(input.description !== undefined ? { description: input.description } : {}),
            ...(input.is_active !== undefined
              ? { status: input.is_active ? ProductStatus.PUBLISHED : ProductStatus.DRAFT }
              : {}),
            ...(input.category_id !== undefined
              ? { category_ids: input.category_id ? [input.category_id] : [] }
              : {}),
            ...(tagIds ? { tag_ids: tagIds } : {}),
          },
        })),
      })
    })

    when({ input, product }, ({ input, product }) =>
      Boolean(input.price !== undefined && product.variant_id)
    ).then(() => {
      updateProductVariantsWorkflow.runAsStep({
        input: transform({ input, product, defaults }, ({ input, product, defaults }) => {
          const currency = (input.currency_code ?? defaults.currency_code).toLowerCase()
          // Keep the variant's other prices (other currencies, price rules): Medusa
          // replaces the whole list with what it is given.
          const others = product.prices
            .filter((p) => p.currency_code !== currency || p.rules_count)
            .map((p) => ({ id: p.id, currency_code: p.currency_code, amount: p.amount }))
          const same = product.prices.find((p) => p.currency_code === currency && !p.rules_count)
          return {
            selector: { id: product.variant_id as string },
            update: {
              prices: [
                ...others,
                {
                  ...(same ? { id: same.id } : {}),
                  currency_code: currency,
                  amount: input.price as string,
                },
              ],
            },
          }
        }),
      })
    })

    when({ wantsStock }, ({ wantsStock }) => wantsStock).then(() => {
      setProductStockWorkflow.runAsStep({
        input: transform({ input, product, defaults }, ({ input, product, defaults }) => ({
          product_id: product.id,
          inventory_item_id: product.inventory_item_id,
          location_id: defaults.location_id,
          stock_quantity: input.stock_quantity,
          stock_adjustment: input.stock_adjustment,
        })),
      })
    })

    syncCatalogProductsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ product_ids: [input.id] })),
    })
    return new WorkflowResponse({ id: input.id })
  }
)
