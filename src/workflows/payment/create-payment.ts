import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  createOrderPaymentCollectionWorkflow,
  createPaymentSessionsWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { acquireOwnedLockStep } from "../locking/steps/acquire-owned-lock"
import { orderSettings } from "../../config/order"
import { orderLockKey } from "../order/change-order-status"
import { loadOrderLifecycleStep } from "../order/steps/load-order-lifecycle"
import { createPaymentAttemptStep } from "./steps/create-payment-attempt"
import { ensureAccountHolderStep } from "./steps/ensure-account-holder"
import { ensureNewAttemptAllowedStep } from "./steps/ensure-new-attempt-allowed"
import { ENGINE_INTENT_METADATA } from "../../utils/payment/webhook-events"

export type CreatePaymentInput = { order_id: string; customer_id: string }

/**
 * A new payment for a pending order that has none that could still succeed (POST
 * /payments/create): a Medusa payment session (a Stripe PaymentIntent with its client
 * secret) in the order's payment collection, and its attempt row. Under the order's lock,
 * so two requests cannot open two payments. Medusa's createPaymentSessionsWorkflow
 * replaces the collection's failed session (its intent is cancelled at Stripe); the
 * attempt row keeps its history.
 */
export const createPaymentWorkflow = createWorkflow(
  "payment-create",
  (input: CreatePaymentInput) => {
    const lockKey = transform({ input }, ({ input }) => orderLockKey(input.order_id))
    const ownedLock = acquireOwnedLockStep({ key: lockKey, timeout: 30, ttl: 120 })
    const lifecycle = loadOrderLifecycleStep({
      order_id: input.order_id,
      customer_id: input.customer_id,
    })
    const plan = ensureNewAttemptAllowedStep({ lifecycle })

    const created = when("create-collection", { plan }, ({ plan }) => {
      return !plan.payment_collection_id
    }).then(() =>
      createOrderPaymentCollectionWorkflow.runAsStep({
        input: transform({ input, plan }, ({ input, plan }) => ({
          order_id: input.order_id,
          amount: plan.amount,
        })),
      })
    )
    const collectionId = transform({ plan, created }, ({ plan, created }) => {
      return (plan.payment_collection_id ?? created?.[0]?.id) as string
    })
    // Race-safe, before Medusa's session workflow would make one (steps/ensure-account-holder.ts).
    ensureAccountHolderStep(
      transform({ input }, ({ input }) => ({
        customer_id: input.customer_id,
        provider_id: orderSettings().paymentProviderId,
      }))
    )
    const session = createPaymentSessionsWorkflow.runAsStep({
      input: transform({ collectionId, input }, ({ collectionId, input }) => ({
        payment_collection_id: collectionId,
        provider_id: orderSettings().paymentProviderId,
        customer_id: input.customer_id,
        // The engine's intent, as checkout's: its webhooks are applied by the engine alone.
        data: { metadata: { ...ENGINE_INTENT_METADATA } },
      })),
    })
    const attempt = createPaymentAttemptStep(
      transform({ session, collectionId, input }, ({ session, collectionId, input }) => ({
        session: {
          id: session.id,
          payment_collection_id: collectionId,
          provider_id: session.provider_id,
          amount: session.amount as number,
          currency_code: session.currency_code,
          data: session.data,
        },
        order_id: input.order_id,
        customer_id: input.customer_id,
      }))
    )
    releaseLockStep({ key: lockKey, ownerId: ownedLock.owner_id })
    return new WorkflowResponse(attempt)
  }
)
