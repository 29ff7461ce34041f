import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { CATALOG_MODULE } from "../../modules/catalog"
import type CatalogModuleService from "../../modules/catalog/service"
import type { Page } from "../../utils/pagination"

/**
 * Products whose available stock (the catalog read model's, kept by the same sync that
 * emits `catalog.stock_low`) is under the threshold, fewest first, with the stocked and
 * reserved units of their inventory item. One page at a time.
 */
export async function lowStockView(container: MedusaContainer, threshold: number, page: Page) {
  const catalog = container.resolve<CatalogModuleService>(CATALOG_MODULE)
  const [rows, count] = await catalog.listAndCountCatalogProducts(
    { stock_quantity: { $lt: threshold } },
    {
      select: ["id", "name", "is_active", "inventory_item_id", "stock_quantity"],
      skip: page.offset,
      take: page.limit,
      order: { stock_quantity: "ASC", id: "ASC" },
    }
  )
  const itemIds = rows.flatMap((row) => (row.inventory_item_id ? [row.inventory_item_id] : []))
  const levels = itemIds.length
    ? await container
        .resolve(Modules.INVENTORY)
        .listInventoryLevels(
          { inventory_item_id: itemIds },
          { select: ["inventory_item_id", "stocked_quantity", "reserved_quantity"] }
        )
    : []
  const sums = new Map<string, { stocked: number; reserved: number }>()
  for (const level of levels) {
    const sum = sums.get(level.inventory_item_id) ?? { stocked: 0, reserved: 0 }
    sum.stocked += Number(level.stocked_quantity)
    sum.reserved += Number(level.reserved_quantity)
    sums.set(level.inventory_item_id, sum)
  }
  return {
    threshold,
    items: rows.map((row) => {
      const sum = (row.inventory_item_id && sums.get(row.inventory_item_id)) || undefined
      return {
        product_id: row.id,
        title: row.name,
        is_active: row.is_active,
        inventory_item_id: row.inventory_item_id,
        available: row.stock_quantity ?? 0,
        reserved: sum?.reserved ?? 0,
        stocked: sum?.stocked ?? 0,
      }
    }),
    count,
    limit: page.limit,
    offset: page.offset,
  }
}
