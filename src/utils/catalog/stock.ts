import type { StockLowData } from "../../modules/catalog/events"
import type { CatalogStock } from "../../modules/catalog/types"

/** A variant as far as its sellable stock goes. */
export type StockVariant = {
  manage_inventory?: boolean | null
  allow_backorder?: boolean | null
  inventory_items?: { inventory_item_id: string; required_quantity: number }[] | null
}

/** Units free to sell per inventory item (stocked minus reserved over all locations). */
export type Availability = Map<string, number>

/**
 * What the catalog shows of a variant's stock: the units that can still be sold (free units
 * of each inventory item divided by the units one sale takes, the scarcest item deciding;
 * never below 0), null when Medusa does not track it; in stock when units remain, when it is
 * not tracked, or when it may be backordered. No variant: not in stock.
 */
export function variantStock(
  variant: StockVariant | undefined,
  available: Availability
): { stock_quantity: number | null; in_stock: boolean } {
  const links = variant?.inventory_items ?? []
  const tracked = Boolean(variant?.manage_inventory && links.length)
  const stock = tracked
    ? Math.max(
        0,
        Math.min(
          ...links.map((link) =>
            Math.floor((available.get(link.inventory_item_id) ?? 0) / (link.required_quantity || 1))
          )
        )
      )
    : null
  const inStock = !variant ? false : stock === null || stock > 0 || Boolean(variant.allow_backorder)
  return { stock_quantity: stock, in_stock: inStock }
}

export type StockLowEvent = Required<StockLowData>

/** A catalog row's stock as just written, with the stock it had before. */
export type StockWrite = {
  id: string
  stock_quantity: number | null
  previous_stock: number | null
  /** False for a row the write created. */
  existed: boolean
  is_active: boolean
}

/**
 * The products whose available stock has just fallen below the low-stock threshold (it was
 * at or above it, untracked, or the product is new), so the alert fires once per crossing,
 * not on every sale. Inactive products do not alert. `version` names the write.
 */
export function stockLowCrossings(
  written: StockWrite[],
  threshold: number,
  version: string
): StockLowEvent[] {
  return written
    .filter(
      (row) =>
        row.is_active &&
        row.stock_quantity !== null &&
        row.stock_quantity < threshold &&
        (!row.existed || row.previous_stock === null || row.previous_stock >= threshold)
    )
    .map((row) => ({
      product_id: row.id,
      stock_quantity: row.stock_quantity as number,
      threshold,
      sync_version: version,
    }))
}

/** A line of an order or cart: its product and variant. */
export type StockLine = {
  product_id?: string | null
  variant?: (StockVariant & { id: string }) | null
}

/**
 * The catalog stock of the products of `lines` whose inventory is tracked, from the free
 * units of their items (`available`, which must hold every item of those variants), one
 * entry per product.
 */
export function stockOfLines(
  lines: StockLine[],
  available: Record<string, number>
): CatalogStock[] {
  const free: Availability = new Map(Object.entries(available))
  const byProduct = new Map<string, CatalogStock>()
  for (const line of lines) {
    const variant = line.variant
    if (!line.product_id || !variant?.manage_inventory || !variant.inventory_items?.length) {
      continue
    }
    byProduct.set(line.product_id, {
      id: line.product_id,
      variant_id: variant.id,
      ...variantStock(variant, free),
    })
  }
  return [...byProduct.values()]
}
