import type { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, Modules } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import type { BigNumberInput } from "@medusajs/framework/types"
import { money, sumAmounts } from "../../utils/money"
import type { PaymentAttemptRecord } from "../../modules/payment-ledger/types"

/** The contract's payment: one attempt to pay an order, with the money it moved. */
export const paymentView = z.object({
  id: z.string(),
  order_id: z.string(),
  amount: z.string(),
  currency_code: z.string(),
  /** pending, requires_action, succeeded, failed, canceled, partially_refunded, refunded. */
  status: z.string(),
  provider: z.string(),
  /** Stripe's PaymentIntent secret while the customer can still pay; else null. */
  client_secret: z.string().nullable(),
  /** Stripe's next action (3-D Secure) when status is requires_action. */
  next_action: z.record(z.string(), z.unknown()).nullable(),
  captured_amount: z.string(),
  refunded_amount: z.string(),
  failure: z.object({ code: z.string().nullable(), message: z.string().nullable() }).nullable(),
  created_at: z.string(),
  updated_at: z.string(),
})

export type PaymentView = z.infer<typeof paymentView>

type Amount = { amount: BigNumberInput }
type PaymentRow = { id: string; captures?: Amount[]; refunds?: Amount[] }
type SessionRow = { id: string; data?: Record<string, unknown> | null }

function iso(value: Date | string): string {
  return new Date(value).toISOString()
}

/** The spec's status: the attempt's outcome, or how much of it was refunded. */
export function paymentStatusOf(
  attempt: Pick<PaymentAttemptRecord, "status">,
  captured: BigNumberInput,
  refunded: BigNumberInput
): string {
  if (attempt.status === "succeeded" && MathBN.gt(refunded, 0)) {
    return MathBN.gte(refunded, captured) ? "refunded" : "partially_refunded"
  }
  return attempt.status
}

/** Views of attempts, with their sessions (secrets) and Medusa payments (money) read in bulk. */
export async function loadPaymentViews(
  container: MedusaContainer,
  attempts: PaymentAttemptRecord[]
): Promise<PaymentView[]> {
  if (!attempts.length) {
    return []
  }
  const payments = container.resolve(Modules.PAYMENT)
  const paymentIds = attempts.map((a) => a.payment_id).filter((id): id is string => !!id)
  const [sessions, paid] = await Promise.all([
    payments.listPaymentSessions(
      { id: attempts.map((a) => a.session_id) },
      { select: ["id", "data"] }
    ) as Promise<SessionRow[]>,
    paymentIds.length
      ? (payments.listPayments(
          { id: paymentIds },
          { relations: ["captures", "refunds"] }
        ) as Promise<PaymentRow[]>)
      : Promise.resolve([] as PaymentRow[]),
  ])
  const sessionById = new Map(sessions.map((s) => [s.id, s]))
  const paymentById = new Map(paid.map((p) => [p.id, p]))
  return attempts.map((attempt) =>
    paymentViewOf(
      attempt,
      sessionById.get(attempt.session_id),
      attempt.payment_id ? paymentById.get(attempt.payment_id) : undefined
    )
  )
}

/**
 * The view of one attempt from its session (the provider's data: secret, next action) and
 * Medusa's payment (the money moved), both as read or as just written.
 */
export function paymentViewOf(
  attempt: PaymentAttemptRecord,
  session: SessionRow | undefined,
  payment: PaymentRow | undefined
): PaymentView {
  const data = session?.data ?? null
  const captured = sumAmounts(payment?.captures)
  const refunded = sumAmounts(payment?.refunds)
  // Medusa deletes the session of a payment nobody can finish any more (the order was
  // cancelled, marked paid by hand, or the customer started a new payment).
  const closed = !session && (attempt.status === "pending" || attempt.status === "requires_action")
  const open = !closed && (attempt.status === "pending" || attempt.status === "requires_action")
  const secret = data?.client_secret
  const nextAction = data?.next_action
  return {
    id: attempt.id,
    order_id: attempt.order_id,
    amount: money(attempt.amount),
    currency_code: attempt.currency_code,
    status: closed ? "canceled" : paymentStatusOf(attempt, captured, refunded),
    provider: attempt.provider_id,
    client_secret: open && typeof secret === "string" ? secret : null,
    next_action:
      attempt.status === "requires_action" && nextAction && typeof nextAction === "object"
        ? (nextAction as Record<string, unknown>)
        : null,
    captured_amount: money(captured),
    refunded_amount: money(refunded),
    failure:
      attempt.failure_code || attempt.failure_message
        ? { code: attempt.failure_code, message: attempt.failure_message }
        : null,
    created_at: iso(attempt.created_at),
    updated_at: iso(attempt.updated_at),
  }
}
