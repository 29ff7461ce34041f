import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { SYSTEM_PROVIDER_ID } from "../../config/order"
import { ORDER_LIFECYCLE_MODULE } from "../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../modules/order-lifecycle/service"
import type { OrderStatus } from "../../modules/order-lifecycle/types"
import { PAYMENT_LEDGER_MODULE } from "../../modules/payment-ledger"
import type PaymentLedgerModuleService from "../../modules/payment-ledger/service"
import type { FindingKind, PaymentAttemptRecord } from "../../modules/payment-ledger/types"
import { sumAmounts } from "../../utils/money"
import { recordFindingWorkflow } from "../../workflows/payment/record-finding"
import { settlePaymentWorkflow } from "../../workflows/payment/settle-payment"

/** Attempts younger than this may still be mid-confirmation: left to their request. */
const DEFAULT_GRACE_MS = 2 * 60_000
/** Payments last touched longer ago than this are settled for good and not read again. */
const LOOKBACK_MS = 7 * 24 * 60 * 60_000
const PAGE = 200

export type ReconciliationSummary = {
  checked: number
  fixed: number
  needs_attention: number
  errors: number
}

type Finding = { kind: FindingKind; fixed: boolean; detail: string }

/**
 * The payment reconciliation job's work (src/jobs/reconcile-payments.ts), over the
 * payment attempts of the last 7 days, a page at a time:
 * - a pending order's attempt at Stripe (open, declined or succeeded: Stripe.js can retry a
 *   declined intent) is settled from Stripe's live state (settlePaymentWorkflow): an intent that
 *   succeeded without the engine hearing of it (lost webhook) or a capture that did not
 *   pay the order makes the order paid; fixed.
 * - money captured on a cancelled order is not refunded automatically (a person decides:
 *   the goods may have gone out); it is logged and listed as needing attention.
 * Each finding is kept (GET /payments/reconciliation) and logged as it is found; an attempt
 * that cannot be checked is logged and skipped, so it never stops the others.
 */
export async function reconcilePayments(
  container: MedusaContainer,
  options: { graceMs?: number } = {}
): Promise<ReconciliationSummary> {
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const ledger = container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
  const lifecycles = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
  const summary: ReconciliationSummary = { checked: 0, fixed: 0, needs_attention: 0, errors: 0 }
  const startedAt = Date.now()

  for (let offset = 0; ; offset += PAGE) {
    const attempts = await ledger.listPaymentAttempts(
      {
        status: ["pending", "requires_action", "failed", "succeeded"],
        created_at: { $lt: new Date(startedAt - graceMs) },
        updated_at: { $gte: new Date(startedAt - LOOKBACK_MS) },
      },
      { skip: offset, take: PAGE, order: { created_at: "ASC", id: "ASC" } }
    )
    if (!attempts.length) {
      break
    }
    const orders = await lifecycles.listOrderLifecycles({
      order_id: [...new Set(attempts.map((a) => a.order_id))],
    })
    const statusOf = new Map(orders.map((o) => [o.order_id, o.status]))

    for (const attempt of attempts) {
      summary.checked++
      try {
        const finding = await checkAttempt(container, attempt, statusOf.get(attempt.order_id))
        if (!finding) {
          continue
        }
        await recordFindingWorkflow(container).run({
          input: {
            kind: finding.kind,
            order_id: attempt.order_id,
            attempt_id: attempt.id,
            resolution: finding.fixed ? "fixed" : "needs_attention",
            detail: finding.detail,
          },
        })
        if (finding.fixed) {
          summary.fixed++
          logger.info(`payment reconciliation: fixed ${finding.kind}: ${finding.detail}`)
        } else {
          summary.needs_attention++
          logger.warn(`payment reconciliation: needs attention, ${finding.kind}: ${finding.detail}`)
        }
      } catch (error) {
        summary.errors++
        logger.error(
          `payment reconciliation: could not check payment ${attempt.id}: ${(error as Error).message}`
        )
      }
    }
    if (attempts.length < PAGE) {
      break
    }
  }
  return summary
}

async function checkAttempt(
  container: MedusaContainer,
  attempt: PaymentAttemptRecord,
  orderStatus: OrderStatus | undefined
): Promise<Finding | null> {
  // Medusa's system provider has no state of its own to compare with: authorizing its
  // session is the payment. Settling it here would pay every unconfirmed order once its
  // grace ran out; such an order is paid when the shop records the payment (or the
  // customer confirms, where the shop allows it).
  if (orderStatus === "pending" && attempt.provider_id !== SYSTEM_PROVIDER_ID) {
    const { result } = await settlePaymentWorkflow(container).run({
      input: {
        attempt_id: attempt.id,
        actor: { type: "system", id: null },
        note: "Payment reconciliation",
      },
    })
    if (result.status !== "succeeded") {
      return null
    }
    return {
      kind:
        attempt.status === "succeeded"
          ? "captured_without_paid_order"
          : "succeeded_intent_pending_order",
      fixed: true,
      detail: `Payment ${attempt.id} had succeeded at the provider while order ${attempt.order_id} was pending; the order is now paid`,
    }
  }
  if (orderStatus === "cancelled" && attempt.payment_id) {
    const left = await capturedNotRefunded(container, attempt.payment_id)
    if (MathBN.gt(left, 0)) {
      return {
        kind: "captured_on_cancelled_order",
        fixed: false,
        detail: `Order ${attempt.order_id} is cancelled but ${left.toFixed(2)} ${attempt.currency_code} of payment ${attempt.id} is captured and not refunded: refund it (POST /payments/refund) or reinstate the order`,
      }
    }
  }
  return null
}

async function capturedNotRefunded(container: MedusaContainer, paymentId: string) {
  const payment = await container
    .resolve(Modules.PAYMENT)
    .retrievePayment(paymentId, { select: ["id"], relations: ["captures", "refunds"] })
  return MathBN.sub(sumAmounts(payment.captures), sumAmounts(payment.refunds))
}
