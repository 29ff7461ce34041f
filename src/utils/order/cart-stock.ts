/** A cart line as Medusa's completeCartWorkflow reads it (the fields the stock rule needs). */
export type StockedCartLine = {
  quantity: number | string | { toString(): string }
  variant?: {
    manage_inventory?: boolean | null
    allow_backorder?: boolean | null
    inventory_items?: { inventory_item_id: string; required_quantity?: number | null }[] | null
  } | null
}

/**
 * Units the cart takes from each inventory item, summed over its lines (quantity × units
 * per variant), for variants whose inventory is managed and that may not be backordered.
 * Two lines of one variant, or of two variants sharing an item, count together.
 */
export function summedStockNeeds(lines: StockedCartLine[]): Map<string, number> {
  const totals = new Map<string, number>()
  for (const line of lines) {
    const variant = line.variant
    if (!variant?.manage_inventory || variant.allow_backorder) {
      continue
    }
    for (const link of variant.inventory_items ?? []) {
      const units = Number(line.quantity) * (link.required_quantity || 1)
      totals.set(link.inventory_item_id, (totals.get(link.inventory_item_id) ?? 0) + units)
    }
  }
  return totals
}

/** The inventory items whose summed need no single location can cover (available there). */
export function uncoveredItems(
  needs: Map<string, number>,
  availableAt: { inventory_item_id: string; available: number }[]
): string[] {
  return [...needs].flatMap(([itemId, needed]) => {
    const best = Math.max(
      0,
      ...availableAt.filter((a) => a.inventory_item_id === itemId).map((a) => a.available)
    )
    return best < needed ? [itemId] : []
  })
}
