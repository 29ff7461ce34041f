import type { MedusaContainer } from "@medusajs/framework/types"
import { sqlRows } from "../sql"

/**
 * The customer of a cart when they have an account (`has_account`: signed up, not a guest
 * Medusa made from an email given to an anonymous cart) and no account holder at
 * `providerId` yet, else null: one statement, so a returning customer's new cart costs the
 * background preparation nothing more, and made-up emails on anonymous carts cost nothing
 * at Stripe.
 */
const CUSTOMER_WITHOUT_ACCOUNT_SQL = `
  select c.customer_id from cart c
  join customer cu on cu.id = c.customer_id and cu.deleted_at is null and cu.has_account
  where c.id = ? and c.deleted_at is null
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
