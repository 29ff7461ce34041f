import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { SYSTEM_PROVIDER_ID } from "../../config/order"
import { ORDER_LIFECYCLE_MODULE } from "../../modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../modules/order-lifecycle/service"
import { PAYMENT_LEDGER_MODULE } from "../../modules/payment-ledger"
import type PaymentLedgerModuleService from "../../modules/payment-ledger/service"
import type {
  AttemptStatus,
  FindingKind,
  PaymentAttemptRecord,
} from "../../modules/payment-ledger/types"
import { keysetPages } from "../../utils/keyset-pages"
import { sumAmounts } from "../../utils/money"
import { recordFindingWorkflow } from "../../workflows/payment/record-finding"
import { settlePaymentWorkflow } from "../../workflows/payment/settle-payment"

/** Attempts younger than this may still be mid-confirmation: left to their request. */
const DEFAULT_GRACE_MS = 2 * 60_000
/** Orders cancelled longer ago than this are settled for good and not read again. */
const LOOKBACK_MS = 7 * 24 * 60 * 60_000
/**
 * At most this many payments are asked about at their provider per run (Stripe's API):
 * pending orders are bounded by their hold (ORDER_HOLD_MINUTES) anyway, this bounds a run
 * when a long hold keeps many of them. The oldest go first; the rest wait for the next run.
 */
const DEFAULT_MAX_PROVIDER_CHECKS = 500
/**
 * Payments that moved this recently are looked at whatever their order's age: several runs'
 * worth (every 10 minutes), so a run that did not happen leaves nothing out.
 */
const RECENT_MS = 60 * 60_000
const PAGE = 200
/** Attempt statuses a pending order's payment may have reached at Stripe meanwhile. */
const OPEN_OR_SETTLED: AttemptStatus[] = ["pending", "requires_action", "failed", "succeeded"]

export type ReconciliationSummary = {
  checked: number
  fixed: number
  needs_attention: number
  errors: number
  /** Pending payments left for the next run (the provider-check bound was reached). */
  deferred: number
}

type Finding = { kind: FindingKind; fixed: boolean; detail: string }

type Options = { graceMs?: number; maxProviderChecks?: number }

/**
 * The payment reconciliation job's work (src/jobs/reconcile-payments.ts). It reads only
 * the orders that can need it, through the lifecycle's status indexes and the attempts'
 * `updated_at`, a page at a time: never the paid and shipped orders that make up most of a
 * shop's history.
 * - A pending order's attempt at Stripe (open, declined or succeeded: Stripe.js can retry
 *   a declined intent) is settled from Stripe's live state (settlePaymentWorkflow). An
 *   intent that succeeded without the engine hearing of it (a lost webhook), or a capture
 *   that did not pay the order, makes the order paid; fixed.
 * - Money captured on an order cancelled within the last 7 days, or whose payment moved
 *   within the last hour (a capture after the cancellation), is not refunded automatically
 *   (a person decides: the goods may have gone out). It is logged and listed as needing
 *   attention.
 * Each finding is kept (GET /payments/reconciliation) and logged as it is found; an
 * attempt that cannot be checked is logged and skipped, so it never stops the others.
 */
export async function reconcilePayments(
  container: MedusaContainer,
  options: Options = {}
): Promise<ReconciliationSummary> {
  const startedAt = Date.now()
  const summary: ReconciliationSummary = {
    checked: 0,
    fixed: 0,
    needs_attention: 0,
    errors: 0,
    deferred: 0,
  }
  const ledger = container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
  const graceCutoff = new Date(startedAt - (options.graceMs ?? DEFAULT_GRACE_MS))
  const lookbackCutoff = new Date(startedAt - LOOKBACK_MS)
  const maxProviderChecks = options.maxProviderChecks ?? DEFAULT_MAX_PROVIDER_CHECKS
  let providerChecksLeft = maxProviderChecks

  for await (const orderIds of orderPages(container, {
    status: "pending",
    created_at: { $lt: graceCutoff },
  })) {
    // Medusa's system provider has no state of its own to compare with: authorizing its
    // session is the payment. Settling it here would pay every unconfirmed order once its
    // grace ran out; such an order is paid when the shop records the payment.
    const attempts = await ledger.listPaymentAttempts(
      {
        order_id: orderIds,
        status: OPEN_OR_SETTLED,
        provider_id: { $ne: SYSTEM_PROVIDER_ID },
        created_at: { $lt: graceCutoff },
        // An order with no hold (placed through Medusa's own routes) can stay pending for
        // good: its attempts are asked about for 7 days after their last change, as before.
        updated_at: { $gte: lookbackCutoff },
      },
      { order: { created_at: "ASC", id: "ASC" } }
    )
    for (const attempt of attempts) {
      if (providerChecksLeft <= 0) {
        summary.deferred++
        continue
      }
      providerChecksLeft--
      await check(container, summary, attempt, settlePending)
    }
  }

  // Cancelled orders: those cancelled lately, and those whose payment moved lately (a
  // capture that landed after the cancellation, however long after).
  const checkedOnCancelled = new Set<string>()
  const checkCancelled = async (attempts: PaymentAttemptRecord[]) => {
    for (const attempt of attempts) {
      if (!checkedOnCancelled.has(attempt.id)) {
        checkedOnCancelled.add(attempt.id)
        await check(container, summary, attempt, capturedOnCancelled)
      }
    }
  }
  for await (const orderIds of orderPages(container, {
    status: "cancelled",
    updated_at: { $gte: lookbackCutoff },
  })) {
    await checkCancelled(
      await ledger.listPaymentAttempts({ order_id: orderIds, payment_id: { $ne: null } })
    )
  }
  const lifecycles = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
  for await (const attempts of recentlyMovedPayments(container, startedAt - RECENT_MS)) {
    const cancelled = await lifecycles.listOrderLifecycles(
      { order_id: attempts.map((attempt) => attempt.order_id), status: "cancelled" },
      { select: ["order_id"] }
    )
    const cancelledIds = new Set(cancelled.map((row) => row.order_id))
    await checkCancelled(attempts.filter((attempt) => cancelledIds.has(attempt.order_id)))
  }

  if (summary.deferred) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        `payment reconciliation: ${summary.deferred} pending payments left for the next run (at most ${maxProviderChecks} provider checks per run)`
      )
  }
  return summary
}

/**
 * The attempts with a payment that changed since `since`, a page at a time (an index on
 * `updated_at`): what moved since the last runs, not the shop's history.
 */
function recentlyMovedPayments(container: MedusaContainer, since: number) {
  const ledger = container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
  const filter = { payment_id: { $ne: null }, updated_at: { $gte: new Date(since) } }
  return keysetPages(
    (afterId) =>
      ledger.listPaymentAttempts(afterId ? { ...filter, id: { $gt: afterId } } : filter, {
        take: PAGE,
        order: { id: "ASC" },
      }),
    PAGE
  )
}

/** The order ids of the lifecycles matching `filter`, a page at a time. */
async function* orderPages(
  container: MedusaContainer,
  filter: Record<string, unknown>
): AsyncGenerator<string[]> {
  const lifecycles = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
  const pages = keysetPages(
    (afterId) =>
      lifecycles.listOrderLifecycles(afterId ? { ...filter, id: { $gt: afterId } } : filter, {
        select: ["id", "order_id"],
        take: PAGE,
        order: { id: "ASC" },
      }),
    PAGE
  )
  for await (const page of pages) {
    yield page.map((row) => row.order_id)
  }
}

/** Checks one attempt and records and logs what was found; a failure is counted, not thrown. */
async function check(
  container: MedusaContainer,
  summary: ReconciliationSummary,
  attempt: PaymentAttemptRecord,
  find: (container: MedusaContainer, attempt: PaymentAttemptRecord) => Promise<Finding | null>
): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  summary.checked++
  try {
    const finding = await find(container, attempt)
    if (!finding) {
      return
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

/** A pending order's payment, settled from the provider's live state. */
async function settlePending(
  container: MedusaContainer,
  attempt: PaymentAttemptRecord
): Promise<Finding | null> {
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

/** A cancelled order's authorized payment: money captured and not refunded is reported. */
async function capturedOnCancelled(
  container: MedusaContainer,
  attempt: PaymentAttemptRecord
): Promise<Finding | null> {
  const left = await capturedNotRefunded(container, attempt.payment_id as string)
  if (!MathBN.gt(left, 0)) {
    return null
  }
  return {
    kind: "captured_on_cancelled_order",
    fixed: false,
    detail: `Order ${attempt.order_id} is cancelled but ${left.toFixed(2)} ${attempt.currency_code} of payment ${attempt.id} is captured and not refunded: refund it (POST /payments/refund) or reinstate the order`,
  }
}

async function capturedNotRefunded(container: MedusaContainer, paymentId: string) {
  const payment = await container
    .resolve(Modules.PAYMENT)
    .retrievePayment(paymentId, { select: ["id"], relations: ["captures", "refunds"] })
  return MathBN.sub(sumAmounts(payment.captures), sumAmounts(payment.refunds))
}
