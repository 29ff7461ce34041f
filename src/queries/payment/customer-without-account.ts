import type { MedusaContainer } from "@medusajs/framework/types"
import { sqlRows } from "../sql"

/**
 * The customer of a cart when they have no account holder at `providerId` yet, else null
 * (an anonymous cart, a deleted one, or a customer already set up): one statement, so a
 * returning customer's new cart costs the background preparation nothing more.
 */
const CUSTOMER_WITHOUT_ACCOUNT_SQL = `
  select c.customer_id from cart c
  where c.id = ? and c.deleted_at is null and c.customer_id is not null
    and not exists (
      select 1 from customer_account_holder cah
      join account_holder ah on ah.id = cah.account_holder_id and ah.deleted_at is null
      where cah.customer_id = c.customer_id and cah.deleted_at is null and ah.provider_id = ?)`

export async function cartCustomerWithoutAccount(
  container: MedusaContainer,
  cartId: string,
  providerId: string
): Promise<string | null> {
  const [row] = await sqlRows<{ customer_id: string }>(container, CUSTOMER_WITHOUT_ACCOUNT_SQL, [
    cartId,
    providerId,
  ])
  return row?.customer_id ?? null
}
