import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The ids a /store request names, by the kind of record they point at. */
export type StoreResourceIds = {
  carts: string[]
  orders: string[]
  paymentCollections: string[]
}

type Knex = {
  raw(sql: string, bindings: unknown[]): PromiseLike<{ rows: { customer_id: string }[] }>
}

/**
 * One statement, each branch an index lookup (primary keys, the link tables'
 * `payment_collection_id` indexes): the registered customers (`has_account`) owning the
 * named carts, orders and payment collections (of a cart or of an order). Guest customers,
 * which Medusa creates for every cart with an email, own nothing here: their carts and
 * orders keep Medusa's id-as-secret model. Cross-module on purpose: this guards Medusa's
 * own routes on every request, where `query.graph` would cost a statement per module.
 */
const OWNERS_SQL = `
  select cu.id as customer_id
    from cart c join customer cu on cu.id = c.customer_id
   where c.id = any(?::text[]) and cu.has_account and cu.deleted_at is null
  union
  select cu.id
    from "order" o join customer cu on cu.id = o.customer_id
   where o.id = any(?::text[]) and cu.has_account and cu.deleted_at is null
  union
  select cu.id
    from cart_payment_collection l
    join cart c on c.id = l.cart_id
    join customer cu on cu.id = c.customer_id
   where l.payment_collection_id = any(?::text[]) and l.deleted_at is null
     and cu.has_account and cu.deleted_at is null
  union
  select cu.id
    from order_payment_collection l
    join "order" o on o.id = l.order_id
    join customer cu on cu.id = o.customer_id
   where l.payment_collection_id = any(?::text[]) and l.deleted_at is null
     and cu.has_account and cu.deleted_at is null`

/** The registered customers that own any of `ids` (empty: nobody, or only guests). */
export async function storeResourceOwners(
  container: MedusaContainer,
  ids: StoreResourceIds
): Promise<string[]> {
  if (!ids.carts.length && !ids.orders.length && !ids.paymentCollections.length) {
    return []
  }
  const pg = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await pg.raw(OWNERS_SQL, [
    ids.carts,
    ids.orders,
    ids.paymentCollections,
    ids.paymentCollections,
  ])
  return rows.map((row) => row.customer_id)
}

/**
 * Whether `customerId` (undefined: an anonymous caller or a guest) may act on the named
 * records: yes unless one of them belongs to another registered customer.
 */
export async function mayUseStoreResources(
  container: MedusaContainer,
  customerId: string | undefined,
  ids: StoreResourceIds
): Promise<boolean> {
  const owners = await storeResourceOwners(container, ids)
  return owners.every((owner) => owner === customerId)
}
