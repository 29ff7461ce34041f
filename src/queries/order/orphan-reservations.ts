import type { MedusaContainer } from "@medusajs/framework/types"
import { CART_LINE_KEY } from "../../utils/order/checkout-cart"
import { sqlRows } from "../sql"

/**
 * Checkout's reservations (their metadata names the cart line, reserve-stock.ts) created
 * before `before` whose order line does not exist: checkout reserves with the id its order
 * line will have, so a checkout that crashed between reserving and writing the order leaves
 * a reservation naming a line that was never made (or, from before that change, no line).
 * One statement across the inventory and order modules' tables (docs/DECISIONS.md,
 * "Write-path reads in one statement"); `ids` narrows it to candidates read earlier.
 * Oldest first, at most `limit`.
 */
const ORPHANS_SQL = `
select r.id from reservation_item r
where r.deleted_at is null and r.created_at < ?
  and (r.metadata ->> ?) is not null
  and (r.line_item_id is null or not exists (
    select 1 from order_line_item li where li.id = r.line_item_id and li.deleted_at is null))
  and (?::text[] is null or r.id = any(?::text[]))
order by r.created_at asc
limit ?`

export async function findOrphanReservationIds(
  container: MedusaContainer,
  filters: { before: string; ids?: string[] },
  limit: number
): Promise<string[]> {
  const ids = filters.ids ?? null
  const rows = await sqlRows<{ id: string }>(container, ORPHANS_SQL, [
    filters.before,
    CART_LINE_KEY,
    ids,
    ids,
    limit,
  ])
  return rows.map((row) => row.id)
}
