import type { AttemptStatus, PaymentAttemptRecord } from "./types"

/** Events of the payment ledger (live order updates, docs/LIVE-UPDATES.md). */
export const PaymentLedgerEvents = {
  /** A payment attempt's outcome changed (requires action, succeeded, failed, canceled). */
  ATTEMPT_UPDATED: "payment.attempt_updated",
} as const

export type PaymentAttemptUpdatedData = {
  id: string
  order_id: string
  customer_id: string | null
  status: AttemptStatus
  failure_code: string | null
  failure_message: string | null
}

/** The `payment.attempt_updated` payload of an attempt as recorded. */
export function attemptUpdatedData(attempt: PaymentAttemptRecord): PaymentAttemptUpdatedData {
  return {
    id: attempt.id,
    order_id: attempt.order_id,
    customer_id: attempt.customer_id,
    status: attempt.status,
    failure_code: attempt.failure_code,
    failure_message: attempt.failure_message,
  }
}
