import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { releaseLockStep } from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { claimWebhookEventStep } from "./steps/claim-webhook-event"
import { compareProviderRefundsStep } from "./steps/compare-provider-refunds"
import { findAttemptBySessionStep } from "./steps/find-attempt-by-session"
import { finishWebhookEventStep } from "./steps/finish-webhook-event"
import { recordFindingStep } from "./steps/record-finding"
import { settlePaymentWorkflow } from "./settle-payment"
import { settlesAttempt } from "../../utils/payment/webhook-events"

export type ApplyPaymentWebhookInput = {
  event_id: string
  event_type: string
  session_id: string | null
  /** charge.refunded: the charge's total refunded at Stripe. */
  amount?: number
}

/**
 * Applies a verified Stripe event once (src/subscribers/apply-payment-webhook.ts). The
 * event is logged under its own lock; a delivery of one already applied is only counted. A PaymentIntent event settles the
 * attempt from Stripe's live state (settlePaymentWorkflow: the event's own content is not
 * trusted, so a late or out-of-order event cannot undo a newer state); `charge.refunded`
 * is compared with Medusa's refunds and a refund made outside the engine is recorded as a
 * finding for a person. Events for sessions the engine did not open are logged and left
 * to Medusa.
 */
export const applyPaymentWebhookWorkflow = createWorkflow(
  "payment-apply-webhook",
  (input: ApplyPaymentWebhookInput) => {
    // Deliveries of one event are applied one after the other: the claim reads and counts.
    const eventLock = transform({ input }, ({ input }) => `payment-webhook:${input.event_id}`)
    const ownedLock = acquireOwnedLockStep({ key: eventLock, timeout: 60, ttl: 120 })
    const claim = claimWebhookEventStep({
      event_id: input.event_id,
      type: input.event_type,
      session_id: input.session_id,
    })
    const attempt = findAttemptBySessionStep({ session_id: input.session_id })
    const apply = transform({ claim, attempt }, ({ claim, attempt }) => {
      return !claim.already_processed && !!attempt
    })

    const settled = when(
      "settle",
      { apply, input },
      ({ apply, input }) => apply && settlesAttempt(input.event_type)
    ).then(() =>
      settlePaymentWorkflow.runAsStep({
        input: transform({ attempt, input }, ({ attempt, input }) => ({
          attempt_id: attempt!.id,
          actor: { type: "system" as const, id: null },
          note: `Stripe ${input.event_type} (${input.event_id})`,
        })),
      })
    )

    const comparison = when(
      "compare-refunds",
      { apply, input },
      ({ apply, input }) => apply && input.event_type === "charge.refunded"
    ).then(() =>
      compareProviderRefundsStep(
        transform({ attempt, input }, ({ attempt, input }) => ({
          attempt: attempt!,
          provider_refunded: input.amount ?? 0,
        }))
      )
    )
    when("record-outside-refund", { comparison }, ({ comparison }) => {
      return !!comparison?.outside_engine
    }).then(() => {
      recordFindingStep(
        transform({ attempt, comparison }, ({ attempt, comparison }) => ({
          kind: "refund_outside_engine" as const,
          order_id: attempt!.order_id,
          attempt_id: attempt!.id,
          resolution: "needs_attention" as const,
          detail: comparison!.detail,
        }))
      )
    })

    const outcome = transform(
      { claim, attempt, settled, comparison },
      ({ claim, attempt, settled, comparison }) => {
        if (claim.already_processed) {
          return null
        }
        if (!attempt) {
          return "ignored: not a payment the engine opened"
        }
        if (settled) {
          return `settled: ${settled.status}`
        }
        if (comparison) {
          return comparison.outside_engine ? "refund outside the engine" : "refunds agree"
        }
        return "ignored: event type"
      }
    )
    when("finish", { outcome }, ({ outcome }) => outcome !== null).then(() => {
      finishWebhookEventStep(
        transform({ claim, outcome }, ({ claim, outcome }) => ({
          id: claim.id,
          outcome: outcome as string,
        }))
      )
    })
    releaseLockStep({ key: eventLock, ownerId: ownedLock.owner_id })
    return new WorkflowResponse(outcome)
  }
)
