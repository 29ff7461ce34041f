import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { PaymentEvents } from "@medusajs/framework/utils"
import {
  addOrderTransactionStep,
  capturePaymentWorkflow,
  emitEventStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { OrderLifecycleEvents, statusChangedData } from "../../modules/order-lifecycle/events"
import type { StatusActor } from "../../modules/order-lifecycle/types"
import { attemptUpdatedData, PaymentLedgerEvents } from "../../modules/payment-ledger/events"
import type { AttemptStatus, PaymentAttemptRecord } from "../../modules/payment-ledger/types"
import type { ProviderFailure } from "../../utils/payment/attempt-outcome"
import { loadOrderLifecycleStep } from "../order/steps/load-order-lifecycle"
import { recordStatusChangeStep } from "../order/steps/record-status-change"
import { authorizePaymentAttemptStep, type MovedMoney } from "./steps/authorize-payment-attempt"
import { confirmPaymentIntentStep } from "./steps/confirm-payment-intent"
import { loadPaymentAttemptStep } from "./steps/load-payment-attempt"
import { resolvePaymentLocksStep } from "./steps/resolve-payment-locks"
import { updatePaymentAttemptStep } from "./steps/update-payment-attempt"

export type SettlePaymentInput = {
  attempt_id: string
  /**
   * The attempt's order, when the caller already read the attempt (and checked whose it
   * is): the settlement then does not look it up before taking the locks.
   */
  order_id?: string
  /** Set for a customer's own request: another customer's payment is a 404. */
  customer_id?: string
  /** POST /payments/confirm: confirm the PaymentIntent first (with this card, if given). */
  confirm?: { payment_method_id?: string }
  actor: StatusActor
  note?: string
  /**
   * False when settling after a capture made elsewhere (`payment.captured`): the order is
   * marked paid but nothing more is captured (an admin's partial capture stays partial).
   */
  allow_capture?: boolean
}

export type SettlePaymentResult = {
  attempt_id: string
  order_id: string
  status: AttemptStatus
  failure: ProviderFailure
  next_action: Record<string, unknown> | null
  /** The attempt as the settlement left it. */
  attempt: PaymentAttemptRecord
  /**
   * The money the payment moved, when it was captured by the time the settlement read it
   * (null when the settlement captured it itself, or there is no payment).
   */
  moved: MovedMoney | null
}

/**
 * Brings an order in line with its payment, whoever asks: the customer's confirmation,
 * a Stripe webhook (any event, delivered any number of times, in any order), an admin or
 * the reconciliation job. Under the order's and its cart's locks (the cart's is the one
 * Medusa's own webhook handling takes) it (optionally) confirms the intent,
 * authorizes the session from Stripe's live state, captures the payment (Medusa's
 * capturePaymentWorkflow; for a payment the provider captured at authorization, only the
 * order transactions and `payment.captured` that workflow would add), moves a pending
 * order to paid and records the attempt's outcome. Run twice, it changes nothing the
 * second time: that is what makes each webhook apply once.
 */
export const settlePaymentWorkflow = createWorkflow(
  "payment-settle",
  (input: SettlePaymentInput) => {
    const found = when("find-attempt", { input }, ({ input }) => !input.order_id).then(() =>
      loadPaymentAttemptStep({ id: input.attempt_id, customer_id: input.customer_id })
    )
    const orderId = transform(
      { input, found },
      ({ input, found }) => (input.order_id ?? found?.order_id) as string
    )
    const locks = resolvePaymentLocksStep({ order_id: orderId })
    // Also when run inside another workflow (a webhook's application): lock steps are
    // skipped in sub-workflows unless asked, and this one must not run unlocked.
    acquireOwnedLockStep({
      key: locks.cart_keys,
      ownerId: locks.owner_id,
      timeout: 30,
      ttl: 120,
      executeOnSubWorkflow: true,
    }).config({ name: "payment-lock-cart" })
    acquireOwnedLockStep({
      key: locks.order_key,
      ownerId: locks.owner_id,
      timeout: 30,
      ttl: 120,
      executeOnSubWorkflow: true,
    }).config({ name: "payment-lock-order" })
    // Read again under the lock: another settlement may have just finished.
    const attempt = loadPaymentAttemptStep({ id: input.attempt_id }).config({
      name: "payment-reload-attempt",
    })

    when("confirm-intent", { input }, ({ input }) => !!input.confirm).then(() => {
      confirmPaymentIntentStep({ attempt, payment_method_id: input.confirm?.payment_method_id })
    })
    const authorization = authorizePaymentAttemptStep({ attempt })

    when("capture", { authorization, input }, ({ authorization, input }) => {
      return (
        authorization.record_capture &&
        input.allow_capture !== false &&
        !authorization.unrecorded_captures.length
      )
    }).then(() => {
      capturePaymentWorkflow.runAsStep({
        input: { payment_id: authorization.payment_id as string },
      })
    })
    // Captured by the provider at authorization (Stripe's automatic capture): what
    // capturePaymentWorkflow would add is the order transactions and its event, recorded
    // here without its capture step re-reading and re-saving a captured payment.
    when("record-captures", { authorization, input }, ({ authorization, input }) => {
      return authorization.unrecorded_captures.length > 0 && input.allow_capture !== false
    }).then(() => {
      addOrderTransactionStep(
        transform({ authorization, attempt }, ({ authorization, attempt }) =>
          authorization.unrecorded_captures.map((capture) => ({
            order_id: attempt.order_id,
            amount: capture.amount,
            currency_code: capture.currency_code,
            reference: "capture",
            reference_id: capture.capture_id,
          }))
        )
      )
      emitEventStep({
        eventName: PaymentEvents.CAPTURED,
        data: transform({ authorization }, ({ authorization }) => ({
          id: authorization.payment_id as string,
        })),
      }).config({ name: "emit-payment-captured" })
    })

    const lifecycle = loadOrderLifecycleStep({ order_id: orderId })
    when("mark-paid", { authorization, lifecycle }, ({ authorization, lifecycle }) => {
      return authorization.status === "succeeded" && lifecycle.status === "pending"
    }).then(() => {
      const change = recordStatusChangeStep({
        lifecycle,
        to: "paid",
        actor: input.actor,
        note: input.note ?? "Payment received",
      })
      const event = transform({ change, lifecycle }, ({ change, lifecycle }) =>
        statusChangedData(change, lifecycle.customer_id)
      )
      emitEventStep({ eventName: OrderLifecycleEvents.STATUS_CHANGED, data: event }).config({
        name: "emit-order-paid",
      })
    })

    const changes = transform({ authorization, attempt }, ({ authorization, attempt }) => ({
      attempt,
      changes: {
        status: authorization.status,
        payment_id: authorization.payment_id ?? attempt.payment_id,
        provider_reference: authorization.provider_reference ?? attempt.provider_reference,
        failure_code: authorization.failure.code,
        failure_message: authorization.failure.message,
      },
    }))
    const updated = updatePaymentAttemptStep(changes)
    // Live order streams show payment outcomes as they are recorded; a settlement that
    // changed nothing (a repeated webhook) announces nothing.
    when("announce-attempt", { attempt, updated }, ({ attempt, updated }) => {
      return attempt.status !== updated.status
    }).then(() => {
      const data = transform({ updated }, ({ updated }) => attemptUpdatedData(updated))
      emitEventStep({ eventName: PaymentLedgerEvents.ATTEMPT_UPDATED, data }).config({
        name: "emit-attempt-updated",
      })
    })
    releaseLockStep({
      key: locks.order_key,
      ownerId: locks.owner_id,
      executeOnSubWorkflow: true,
    }).config({ name: "payment-unlock-order" })
    releaseLockStep({
      key: locks.cart_keys,
      ownerId: locks.owner_id,
      executeOnSubWorkflow: true,
    }).config({ name: "payment-unlock-cart" })

    const result = transform(
      { authorization, attempt, updated },
      ({ authorization, attempt, updated }): SettlePaymentResult => ({
        attempt_id: attempt.id,
        order_id: attempt.order_id,
        status: authorization.status,
        failure: authorization.failure,
        next_action: authorization.next_action,
        attempt: updated,
        moved: authorization.moved,
      })
    )
    return new WorkflowResponse<SettlePaymentResult>(result)
  }
)
