import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { catalogSettings } from "../../../lib/catalog/settings"
import { CATALOG_MODULE } from "../../../modules/catalog"
import type CatalogModuleService from "../../../modules/catalog/service"
import type { CatalogRow } from "../../../modules/catalog/types"

export type StockLowEvent = { product_id: string; stock_quantity: number; threshold: number }

type Undo = { previous: CatalogRow[]; created: string[] }

/**
 * Writes the rows and removes the rows of deleted products. Reports the products whose
 * available stock has just fallen below the low-stock threshold (it was at or above it,
 * or the product is new), so the alert fires once per crossing, not on every sale.
 */
export const writeCatalogRowsStep = createStep(
  "catalog-write-rows",
  async (input: { rows: CatalogRow[]; missing: string[] }, { container }) => {
    const catalog = container.resolve<CatalogModuleService>(CATALOG_MODULE)
    const ids = [...input.rows.map((row) => row.id), ...input.missing]
    const before = await catalog.findRows(ids)
    const previous = new Map(before.map((entry) => [entry.id, entry]))
    await catalog.upsertRows(input.rows)
    await catalog.removeRows(input.missing)

    const threshold = catalogSettings().lowStockThreshold
    const stockLow: StockLowEvent[] = input.rows
      .filter((row) => {
        if (row.stock_quantity === null || row.stock_quantity >= threshold || !row.is_active) {
          return false
        }
        const old = previous.get(row.id)?.stock_quantity
        return old === undefined || old === null || old >= threshold
      })
      .map((row) => ({
        product_id: row.id,
        stock_quantity: row.stock_quantity as number,
        threshold,
      }))

    return new StepResponse<{ stock_low: StockLowEvent[]; product_ids: string[] }, Undo>(
      { stock_low: stockLow, product_ids: ids },
      {
        previous: before.map((entry) => entry.row),
        created: input.rows.map((row) => row.id).filter((id) => !previous.has(id)),
      }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const catalog = container.resolve<CatalogModuleService>(CATALOG_MODULE)
    await catalog.removeRows(undo.created)
    await catalog.upsertRows(undo.previous)
  }
)
