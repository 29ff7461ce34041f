import type { MedusaContainer } from "@medusajs/framework/types"
import { sqlRows } from "../sql"
import type { ChannelLevel } from "./stock-availability"

/**
 * Checkout's read under the inventory items' locks, in one statement: every level of the
 * items (all locations: the channel's decide where to reserve, all of them what the catalog
 * shows) and the next catalog write number (the catalog module's `catalog_sync_version_seq`,
 * as its nextSyncVersion takes it). Taking the number in the same statement as the read is
 * as safe as taking it just before: under the locks no other writer changes these items'
 * stock, so no write that saw newer stock can hold a lower number (docs/CATALOG.md,
 * "Keeping the read model right").
 */
const NUMBERED_LEVELS_SQL = `
select nextval('catalog_sync_version_seq')::text as version,
  coalesce((select json_agg(json_build_object('inventory_item_id', il.inventory_item_id,
      'location_id', il.location_id, 'stocked_quantity', il.stocked_quantity::float8,
      'reserved_quantity', il.reserved_quantity::float8) order by il.inventory_item_id, il.location_id)
    from inventory_level il
    where il.inventory_item_id = any(?) and il.deleted_at is null), '[]'::json) as levels`

export type NumberedLevels = { version: string; levels: ChannelLevel[] }

export async function loadNumberedLevels(
  container: MedusaContainer,
  inventoryItemIds: string[]
): Promise<NumberedLevels> {
  const [row] = await sqlRows<NumberedLevels>(container, NUMBERED_LEVELS_SQL, [inventoryItemIds])
  return row
}
