import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * Medusa events that change what the catalog shows, and how to find the products each
 * one is about. Stock moves (reservations at checkout, fulfilments, cancellations,
 * dashboard edits) all end as an update of an inventory level, so the inventory module's
 * own level events cover them.
 */
export const CATALOG_SOURCE_EVENTS = [
  "product.created",
  "product.updated",
  "product.deleted",
  // The product module's own event: also emitted by changes that skip the workflow events
  // (e.g. Medusa's batch link of products to a category).
  "product.product.updated",
  "product-variant.created",
  "product-variant.updated",
  "product-category.updated",
  "product-tag.updated",
  "inventory.inventory-level.created",
  "inventory.inventory-level.updated",
  "pricing.price.created",
  "pricing.price.updated",
] as const

type Query = {
  graph(options: {
    entity: string
    fields: string[]
    filters: Record<string, unknown>
  }): Promise<{ data: unknown[] }>
}

async function productsOfVariants(query: Query, variantIds: string[]): Promise<string[]> {
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["product_id"],
    filters: { id: variantIds },
  })
  return (data as { product_id: string }[]).map((v) => v.product_id)
}

async function productsOfInventoryItems(query: Query, itemIds: string[]): Promise<string[]> {
  const { data } = await query.graph({
    entity: "inventory_item",
    fields: ["variants.product_id"],
    filters: { id: itemIds },
  })
  return (data as { variants?: { product_id: string }[] }[]).flatMap((item) =>
    (item.variants ?? []).map((v) => v.product_id)
  )
}

/** The products an event touches (empty when they can no longer be found). */
export async function productIdsOfEvent(
  container: MedusaContainer,
  name: string,
  id: string
): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
  switch (name) {
    case "product.created":
    case "product.updated":
    case "product.deleted":
    case "product.product.updated":
      return [id]
    case "product-variant.created":
    case "product-variant.updated":
      return productsOfVariants(query, [id])
    case "product-category.updated": {
      const { data } = await query.graph({
        entity: "product_category",
        fields: ["products.id", "category_children.products.id"],
        filters: { id },
      })
      type Category = { products?: { id: string }[]; category_children?: Category[] }
      const collect = (c: Category): string[] => [
        ...(c.products ?? []).map((p) => p.id),
        ...(c.category_children ?? []).flatMap(collect),
      ]
      return (data as Category[]).flatMap(collect)
    }
    case "product-tag.updated": {
      const { data } = await query.graph({
        entity: "product",
        fields: ["id"],
        filters: { tags: { id } },
      })
      return (data as { id: string }[]).map((p) => p.id)
    }
    case "inventory.inventory-level.created":
    case "inventory.inventory-level.updated": {
      const inventory = container.resolve(Modules.INVENTORY)
      const levels = await inventory.listInventoryLevels({ id }, { select: ["inventory_item_id"] })
      return levels.length
        ? productsOfInventoryItems(
            query,
            levels.map((l) => l.inventory_item_id)
          )
        : []
    }
    case "pricing.price.created":
    case "pricing.price.updated": {
      const { data } = await query.graph({
        entity: "price",
        fields: ["price_set.variant.product_id"],
        filters: { id },
      })
      return (data as { price_set?: { variant?: { product_id: string } } }[])
        .map((p) => p.price_set?.variant?.product_id)
        .filter((value): value is string => Boolean(value))
    }
    default:
      return []
  }
}
