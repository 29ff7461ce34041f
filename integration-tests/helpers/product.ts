import type { MedusaContainer, ProductDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { randomUUID } from "node:crypto"
import type { StoreContext } from "./store"

export type TestProduct = {
  product: ProductDTO
  variantId: string
  inventoryItemId: string
}

export type TestProductInput = {
  title?: string
  /** Major units, e.g. 19.99. */
  price?: number
  currency_code?: string
  stock?: number
  status?: ProductStatus
}

/**
 * A published product with one variant, one price and `stock` units at the context's
 * stock location, available in its sales channel.
 */
export async function createProduct(
  container: MedusaContainer,
  ctx: StoreContext,
  input: TestProductInput = {}
): Promise<TestProduct> {
  const title = input.title ?? `Test product ${randomUUID().slice(0, 8)}`
  const sku = `SKU-${randomUUID().slice(0, 12)}`
  const {
    result: [product],
  } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title,
          status: input.status ?? ProductStatus.PUBLISHED,
          sales_channels: [{ id: ctx.salesChannelId }],
          options: [{ title: "Default", values: ["Default"] }],
          variants: [
            {
              title: "Default",
              sku,
              manage_inventory: true,
              options: { Default: "Default" },
              prices: [{ currency_code: input.currency_code ?? "usd", amount: input.price ?? 10 }],
            },
          ],
        },
      ],
    },
  })

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [variant],
  } = await query.graph({
    entity: "product_variant",
    fields: ["id", "inventory_items.inventory_item_id"],
    filters: { sku },
  })
  const inventoryItemId = variant.inventory_items?.[0]?.inventory_item_id as string
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: [
        {
          inventory_item_id: inventoryItemId,
          location_id: ctx.stockLocationId,
          stocked_quantity: input.stock ?? 10,
        },
      ],
    },
  })
  return { product, variantId: variant.id, inventoryItemId }
}
