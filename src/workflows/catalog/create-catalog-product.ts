import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ProductStatus } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { chooseProductHandleStep } from "./steps/choose-product-handle"
import { ensureProductTagsStep } from "./steps/ensure-product-tags"
import { findInventoryItemStep } from "./steps/find-inventory-item"
import { resolveProductDefaultsStep } from "./steps/resolve-product-defaults"
import { syncCatalogProductsWorkflow } from "./sync-catalog-products"

export type CreateCatalogProductInput = {
  name: string
  handle?: string
  description?: string | null
  /** Decimal string in major units, validated by the route. */
  price: string
  currency_code?: string
  category_id?: string | null
  tags?: string[]
  stock_quantity?: number
  is_active?: boolean
}

/**
 * POST /products: a Medusa product with one variant priced in the store currency (or the
 * one given), an inventory item with `stock_quantity` units at the default stock location,
 * in the default sales channel; then its catalog row. Medusa's own workflows do the
 * writing, so a failure in a later step deletes the product again.
 */
export const createCatalogProductWorkflow = createWorkflow(
  "catalog-create-product",
  (input: CreateCatalogProductInput) => {
    const defaults = resolveProductDefaultsStep(
      transform({ input }, ({ input }) => ({
        category_id: input.category_id,
        needs_location: true,
      }))
    )
    const handle = chooseProductHandleStep(
      transform({ input }, ({ input }) => ({ name: input.name, handle: input.handle }))
    )
    const tagIds = ensureProductTagsStep(
      transform({ input }, ({ input }) => ({ values: input.tags }))
    )

    const products = createProductsWorkflow.runAsStep({
      input: transform(
        { input, defaults, handle, tagIds },
        ({ input, defaults, handle, tagIds }) => ({
          products: [
            {
              title: input.name,
              handle,
              description: input.description ?? null,
              status: input.is_active === false ? ProductStatus.DRAFT : ProductStatus.PUBLISHED,
              category_ids: input.category_id ? [input.category_id] : [],
              tag_ids: tagIds ?? [],
              sales_channels: defaults.sales_channel_id ? [{ id: defaults.sales_channel_id }] : [],
              shipping_profile_id: defaults.shipping_profile_id ?? undefined,
              options: [{ title: "Default", values: ["Default"] }],
              variants: [
                {
                  title: "Default",
                  manage_inventory: true,
                  options: { Default: "Default" },
                  prices: [
                    {
                      currency_code: (input.currency_code ?? defaults.currency_code).toLowerCase(),
                      amount: input.price,
                    },
                  ],
                },
              ],
            },
          ],
        })
      ),
    })
    const created = transform({ products }, ({ products }) => ({
      product_id: products[0].id,
      variant_id: products[0].variants?.[0]?.id as string,
    }))

    const inventoryItemId = findInventoryItemStep(
      transform({ created }, ({ created }) => ({ variant_id: created.variant_id }))
    )
    when({ inventoryItemId }, ({ inventoryItemId }) => Boolean(inventoryItemId)).then(() => {
      createInventoryLevelsWorkflow.runAsStep({
        input: transform(
          { input, defaults, inventoryItemId },
          ({ input, defaults, inventoryItemId }) => ({
            inventory_levels: [
              {
                inventory_item_id: inventoryItemId as string,
                location_id: defaults.location_id,
                stocked_quantity: input.stock_quantity ?? 0,
              },
            ],
          })
        ),
      })
    })

    syncCatalogProductsWorkflow.runAsStep({
      input: transform({ created }, ({ created }) => ({ product_ids: [created.product_id] })),
    })
    return new WorkflowResponse(created)
  }
)
