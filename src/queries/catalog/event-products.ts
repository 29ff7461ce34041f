import type { MedusaContainer } from "@medusajs/framework/types"
import { queryGraph } from "../graph"
import { sqlRows } from "../sql"

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

async function productsOfVariants(
  container: MedusaContainer,
  variantIds: string[]
): Promise<string[]> {
  const { data } = await queryGraph<{ product_id: string }>(container, {
    entity: "product_variant",
    fields: ["product_id"],
    filters: { id: variantIds },
  })
  return data.map((v) => v.product_id)
}

/** The products whose variants use these inventory items. */
export async function productsOfInventoryItems(
  container: MedusaContainer,
  itemIds: string[]
): Promise<string[]> {
  const { data } = await queryGraph<{ variants?: { product_id: string }[] }>(container, {
    entity: "inventory_item",
    fields: ["variants.product_id"],
    filters: { id: itemIds },
  })
  return data.flatMap((item) => (item.variants ?? []).map((v) => v.product_id))
}

/**
 * The products whose live variants use an inventory level's item, in one statement (each
 * join through an index: the level's key, Medusa's link and variant keys): every checkout
 * moves a level, so this runs once per reserved line.
 */
const PRODUCTS_OF_LEVELS_SQL = `
select distinct v.product_id
  from inventory_level il
  join product_variant_inventory_item vi
    on vi.inventory_item_id = il.inventory_item_id and vi.deleted_at is null
  join product_variant v on v.id = vi.variant_id and v.deleted_at is null
 where il.id = any(?)`

async function productsOfInventoryLevels(
  container: MedusaContainer,
  levelIds: string[]
): Promise<string[]> {
  const rows = await sqlRows<{ product_id: string }>(container, PRODUCTS_OF_LEVELS_SQL, [levelIds])
  return rows.map((row) => row.product_id)
}

/** The products an event touches (empty when they can no longer be found). */
export async function productIdsOfEvent(
  container: MedusaContainer,
  name: string,
  id: string
): Promise<string[]> {
  switch (name) {
    case "product.created":
    case "product.updated":
    case "product.deleted":
    case "product.product.updated":
      return [id]
    case "product-variant.created":
    case "product-variant.updated":
      return productsOfVariants(container, [id])
    case "product-category.updated": {
      type Category = { products?: { id: string }[]; category_children?: Category[] }
      const { data } = await queryGraph<Category>(container, {
        entity: "product_category",
        fields: ["products.id", "category_children.products.id"],
        filters: { id },
      })
      const collect = (c: Category): string[] => [
        ...(c.products ?? []).map((p) => p.id),
        ...(c.category_children ?? []).flatMap(collect),
      ]
      return data.flatMap(collect)
    }
    case "product-tag.updated": {
      const { data } = await queryGraph<{ id: string }>(container, {
        entity: "product",
        fields: ["id"],
        filters: { tags: { id } },
      })
      return data.map((p) => p.id)
    }
    case "inventory.inventory-level.created":
    case "inventory.inventory-level.updated":
      return productsOfInventoryLevels(container, [id])
    case "pricing.price.created":
    case "pricing.price.updated": {
      type Price = { price_set?: { variant?: { product_id: string } } }
      const { data } = await queryGraph<Price>(container, {
        entity: "price",
        fields: ["price_set.variant.product_id"],
        filters: { id },
      })
      return data
        .map((p) => p.price_set?.variant?.product_id)
        .filter((value): value is string => Boolean(value))
    }
    default:
      return []
  }
}
