import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { CatalogProductView, CatalogRow } from "../../modules/catalog/types"
import { loadRatings } from "./ratings"
import { defaultCurrencyOf, loadStore } from "./store"
import { queryGraph } from "../graph"
import { variantStock, type Availability } from "../../utils/catalog/stock"

/** What the sync reads of a Medusa product (query.graph result). */
export type SourceProduct = {
  id: string
  title: string
  handle: string
  description: string | null
  status: string
  created_at: string | Date
  updated_at: string | Date
  images?: { id: string; url: string; rank?: number | null }[] | null
  tags?: { value: string }[] | null
  categories?: { id: string; name: string; handle: string; mpath?: string | null }[] | null
  variants?:
    | {
        id: string
        manage_inventory: boolean | null
        allow_backorder: boolean | null
        variant_rank?: number | null
        created_at: string | Date
        prices?: { amount: number | string; currency_code: string; rules_count?: number | null }[]
        inventory_items?: { inventory_item_id: string; required_quantity: number }[] | null
      }[]
    | null
}

export type { Availability }

const PRODUCT_FIELDS = [
  "id",
  "title",
  "handle",
  "description",
  "status",
  "created_at",
  "updated_at",
  "images.id",
  "images.url",
  "images.rank",
  "tags.value",
  "categories.id",
  "categories.name",
  "categories.handle",
  "categories.mpath",
  "variants.id",
  "variants.manage_inventory",
  "variants.allow_backorder",
  "variants.variant_rank",
  "variants.created_at",
  "variants.prices.amount",
  "variants.prices.currency_code",
  "variants.prices.rules_count",
  "variants.inventory_items.inventory_item_id",
  "variants.inventory_items.required_quantity",
]

function iso(value: string | Date): string {
  return new Date(value).toISOString()
}

/** Decimal string of a Medusa amount (major units): 19.9 → "19.90", 5 → "5.00". */
export function formatAmount(amount: number | string): string {
  const text = String(amount)
  const [whole, fraction = ""] = text.split(".")
  return `${whole}.${(fraction + "00").slice(0, Math.max(2, fraction.length))}`
}

type RankedVariant = { id: string; variant_rank?: number | null; created_at: string | Date }

/**
 * The variant that carries a product's price and stock in the catalog: the first by rank,
 * then creation (the engine makes one-variant products; dashboard products may have more).
 */
export function primaryVariant<V extends RankedVariant>(variants: V[] | null | undefined) {
  return [...(variants ?? [])].sort(
    (a, b) =>
      (a.variant_rank ?? 0) - (b.variant_rank ?? 0) ||
      iso(a.created_at).localeCompare(iso(b.created_at)) ||
      a.id.localeCompare(b.id)
  )[0]
}

/**
 * One catalog row from a Medusa product. The product's first variant carries price and
 * stock (the engine creates one-variant products; products made in the dashboard with
 * several variants show their first). Stock is what can still be sold: stocked minus
 * reserved over all locations, divided by the units one sale takes.
 */
export function toCatalogRow(
  product: SourceProduct,
  currency: string,
  available: Availability,
  categoryNames: Map<string, string>,
  rating: { rating_average: number | null; review_count: number }
): CatalogRow {
  const variant = primaryVariant(product.variants)
  const prices = (variant?.prices ?? []).filter((price) => !price.rules_count)
  const price = prices.find((p) => p.currency_code === currency) ?? prices[0]
  const links = variant?.inventory_items ?? []
  const { stock_quantity: stock, in_stock: inStock } = variantStock(variant, available)

  const categories = [...(product.categories ?? [])].sort((a, b) => a.id.localeCompare(b.id))
  const category = categories[0]
  const categoryIds = [
    ...new Set(categories.flatMap((c) => (c.mpath ? c.mpath.split(".").filter(Boolean) : [c.id]))),
  ]
  const tags = [...new Set((product.tags ?? []).map((tag) => tag.value))].sort()
  const images = [...(product.images ?? [])]
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    .map((image) => ({ id: image.id, url: image.url }))
  const isActive = product.status === "published"
  const view: CatalogProductView = {
    id: product.id,
    name: product.title,
    handle: product.handle,
    description: product.description ?? null,
    price: price ? formatAmount(price.amount) : null,
    currency_code: price?.currency_code ?? null,
    category_id: category?.id ?? null,
    category: category ? { id: category.id, name: category.name, handle: category.handle } : null,
    tags,
    images,
    stock_quantity: stock,
    in_stock: inStock,
    is_active: isActive,
    rating_average: rating.rating_average,
    review_count: rating.review_count,
    created_at: iso(product.created_at),
    updated_at: iso(product.updated_at),
  }
  const searchWords = [
    product.title,
    ...categoryIds.map((id) => categoryNames.get(id) ?? ""),
    ...tags,
  ]
  return {
    id: product.id,
    handle: product.handle,
    name: product.title,
    description: product.description ?? null,
    is_active: isActive,
    variant_id: variant?.id ?? null,
    inventory_item_id: links[0]?.inventory_item_id ?? null,
    price: view.price,
    currency_code: view.currency_code,
    category_id: view.category_id,
    category_ids: categoryIds,
    direct_category_ids: categories.map((c) => c.id),
    tags,
    stock_quantity: stock,
    in_stock: inStock,
    rating_average: rating.rating_average,
    review_count: rating.review_count,
    product_created_at: view.created_at,
    product_updated_at: view.updated_at,
    search_text: searchWords.filter(Boolean).join(" ").toLowerCase(),
    view,
  }
}

async function availability(container: MedusaContainer, itemIds: string[]): Promise<Availability> {
  const available: Availability = new Map()
  if (!itemIds.length) {
    return available
  }
  const inventory = container.resolve(Modules.INVENTORY)
  const levels = await inventory.listInventoryLevels(
    { inventory_item_id: itemIds },
    { select: ["inventory_item_id", "stocked_quantity", "reserved_quantity"] }
  )
  for (const level of levels) {
    const free = Number(level.stocked_quantity) - Number(level.reserved_quantity)
    available.set(level.inventory_item_id, (available.get(level.inventory_item_id) ?? 0) + free)
  }
  return available
}

async function categoryNamesOf(
  container: MedusaContainer,
  products: SourceProduct[]
): Promise<Map<string, string>> {
  const ids = new Set<string>()
  for (const product of products) {
    for (const category of product.categories ?? []) {
      for (const id of category.mpath?.split(".").filter(Boolean) ?? [category.id]) ids.add(id)
    }
  }
  if (!ids.size) {
    return new Map()
  }
  const productModule = container.resolve(Modules.PRODUCT)
  const categories = await productModule.listProductCategories(
    { id: [...ids] },
    { select: ["id", "name"] }
  )
  return new Map(categories.map((c) => [c.id, c.name]))
}

/**
 * Reads the given products from Medusa's modules and returns their catalog rows, plus the
 * ids that no longer exist (deleted products, whose rows are removed).
 */
export async function buildCatalogRows(
  container: MedusaContainer,
  productIds: string[]
): Promise<{ rows: CatalogRow[]; missing: string[] }> {
  const ids = [...new Set(productIds)]
  if (!ids.length) {
    return { rows: [], missing: [] }
  }
  const { data: products } = await queryGraph<SourceProduct>(container, {
    entity: "product",
    fields: PRODUCT_FIELDS,
    filters: { id: ids },
  })
  const itemIds = products.flatMap((p) =>
    (p.variants ?? []).flatMap((v) => (v.inventory_items ?? []).map((i) => i.inventory_item_id))
  )
  const [currency, available, categoryNames, ratings] = await Promise.all([
    loadStore(container).then(defaultCurrencyOf),
    availability(container, [...new Set(itemIds)]),
    categoryNamesOf(container, products),
    loadRatings(container, ids),
  ])
  const rows = products.map((product) =>
    toCatalogRow(
      product,
      currency,
      available,
      categoryNames,
      ratings.get(product.id) ?? { rating_average: null, review_count: 0 }
    )
  )
  const found = new Set(products.map((p) => p.id))
  return { rows, missing: ids.filter((id) => !found.has(id)) }
}
