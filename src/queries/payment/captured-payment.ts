import type { MedusaContainer } from "@medusajs/framework/types"
import { sqlRows } from "../sql"

/** The engine's attempt behind a captured payment, and where its order stands. */
export type CapturedPaymentState = {
  attempt_id: string
  attempt_status: string
  /** The order's lifecycle status (null when the order has none: not the engine's). */
  order_status: string | null
}

const CAPTURED_PAYMENT_SQL = `
  select pa.id as attempt_id, pa.status as attempt_status,
    (select ol.status from order_lifecycle ol
      where ol.order_id = pa.order_id and ol.deleted_at is null limit 1) as order_status
  from payment p
  join payment_attempt pa on pa.session_id = p.payment_session_id and pa.deleted_at is null
  where p.id = ? and p.deleted_at is null
  limit 1`

/**
 * One statement for what `payment.captured`'s settlement needs first: the attempt of the
 * payment's session (none: a payment the engine did not open) and its order's status.
 */
export async function readCapturedPaymentState(
  container: MedusaContainer,
  paymentId: string
): Promise<CapturedPaymentState | null> {
  const [row] = await sqlRows<CapturedPaymentState>(container, CAPTURED_PAYMENT_SQL, [paymentId])
  return row ?? null
}

/**
 * Refunds of any payment of the orders this payment is for: recordMedusaRefundWorkflow
 * works out an order's refund status from all of its payments, so a refund of another
 * payment of the order that waits to be recorded counts too.
 */
const HAS_REFUNDS_SQL = `
  with orders as (
    select opc.order_id from payment p
    join order_payment_collection opc
      on opc.payment_collection_id = p.payment_collection_id and opc.deleted_at is null
    where p.id = ?
  )
  select exists (
    select 1 from orders o
    join order_payment_collection opc on opc.order_id = o.order_id and opc.deleted_at is null
    join payment p on p.payment_collection_id = opc.payment_collection_id and p.deleted_at is null
    join refund r on r.payment_id = p.id and r.deleted_at is null
  ) as yes`

/** Whether Medusa recorded any refund of a payment of the orders this payment is for. */
export async function orderPaymentsHaveRefunds(
  container: MedusaContainer,
  paymentId: string
): Promise<boolean> {
  const [row] = await sqlRows<{ yes: boolean }>(container, HAS_REFUNDS_SQL, [paymentId])
  return row?.yes === true
}
