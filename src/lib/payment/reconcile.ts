import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { ORDER_LIFECYCLE_MODULE } from "../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../modules/order-lifecycle/service"
import type { OrderLifecycleRecord } from "../../modules/order-lifecycle/types"
import { PAYMENT_LEDGER_MODULE } from "../../modules/payment-ledger"
import type PaymentLedgerModuleService from "../../modules/payment-ledger/service"
import type { FindingKind, PaymentAttemptRecord } from "../../modules/payment-ledger/types"
import { sumAmounts } from "../order/money"
import { recordFindingWorkflow } from "../../workflows/payment/record-finding"
import { settlePaymentWorkflow } from "../../workflows/payment/settle-payment"

/** Attempts younger than this may still be mid-confirmation: left to their request. */
const DEFAULT_GRACE_MS = 2 * 60_000
/** Payments last touched longer ago than this are settled for good and not read again. */
const LOOKBACK_MS = 7 * 24 * 60 * 60_000
const BATCH = 500

export type ReconciliationSummary = { checked: number; fixed: number; needs_attention: number }

type Finding = { kind: FindingKind; attempt: PaymentAttemptRecord; fixed: boolean; detail: string }

/**
 * The payment reconciliation job's work (src/jobs/reconcile-payments.ts):
 * - a pending order whose payment is open or captured is settled from Stripe's live state
 *   (settlePaymentWorkflow): an intent that succeeded without the engine hearing of it
 *   (lost webhook) or a capture that did not pay the order makes the order paid; fixed.
 * - money captured on a cancelled order is not refunded automatically (a person decides:
 *   the goods may have gone out); it is logged and listed as needing attention.
 * Each finding is kept (GET /payments/reconciliation) and logged.
 */
export async function reconcilePayments(
  container: MedusaContainer,
  options: { graceMs?: number } = {}
): Promise<ReconciliationSummary> {
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const ledger = container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
  const lifecycles = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
  const attempts = (await ledger.listPaymentAttempts(
    {
      status: ["pending", "requires_action", "succeeded"],
      created_at: { $lt: new Date(Date.now() - graceMs) },
      updated_at: { $gte: new Date(Date.now() - LOOKBACK_MS) },
    },
    { take: BATCH, order: { updated_at: "DESC" } }
  )) as unknown as PaymentAttemptRecord[]
  const orders = (await lifecycles.listOrderLifecycles({
    order_id: [...new Set(attempts.map((a) => a.order_id))],
  })) as unknown as OrderLifecycleRecord[]
  const statusOf = new Map(orders.map((o) => [o.order_id, o.status]))

  const findings: Finding[] = []
  for (const attempt of attempts) {
    const orderStatus = statusOf.get(attempt.order_id)
    if (orderStatus === "pending" && attempt.status !== "failed" && attempt.status !== "canceled") {
      const { result } = await settlePaymentWorkflow(container).run({
        input: {
          attempt_id: attempt.id,
          actor: { type: "system", id: null },
          note: "Payment reconciliation",
        },
      })
      if (result.status === "succeeded") {
        findings.push({
          kind:
            attempt.status === "succeeded"
              ? "captured_without_paid_order"
              : "succeeded_intent_pending_order",
          attempt,
          fixed: true,
          detail: `Payment ${attempt.id} had succeeded at the provider while order ${attempt.order_id} was pending; the order is now paid`,
        })
      }
    } else if (orderStatus === "cancelled" && attempt.payment_id) {
      const left = await capturedNotRefunded(container, attempt.payment_id)
      if (MathBN.gt(left, 0)) {
        findings.push({
          kind: "captured_on_cancelled_order",
          attempt,
          fixed: false,
          detail: `Order ${attempt.order_id} is cancelled but ${left.toFixed(2)} ${attempt.currency_code} of payment ${attempt.id} is captured and not refunded: refund it (POST /payments/refund) or reinstate the order`,
        })
      }
    }
  }

  for (const finding of findings) {
    await recordFindingWorkflow(container).run({
      input: {
        kind: finding.kind,
        order_id: finding.attempt.order_id,
        attempt_id: finding.attempt.id,
        resolution: finding.fixed ? "fixed" : "needs_attention",
        detail: finding.detail,
      },
    })
    if (finding.fixed) {
      logger.info(`payment reconciliation: fixed ${finding.kind}: ${finding.detail}`)
    } else {
      logger.warn(`payment reconciliation: needs attention, ${finding.kind}: ${finding.detail}`)
    }
  }
  const fixed = findings.filter((f) => f.fixed).length
  return { checked: attempts.length, fixed, needs_attention: findings.length - fixed }
}

async function capturedNotRefunded(container: MedusaContainer, paymentId: string) {
  const payment = await container
    .resolve(Modules.PAYMENT)
    .retrievePayment(paymentId, { select: ["id"], relations: ["captures", "refunds"] })
  return MathBN.sub(sumAmounts(payment.captures), sumAmounts(payment.refunds))
}
