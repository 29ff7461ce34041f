import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import {
  attemptStatusOfSession,
  failureOf,
  nextActionOf,
  type ProviderFailure,
} from "../../../utils/payment/attempt-outcome"
import type { AttemptStatus, PaymentAttemptRecord } from "../../../modules/payment-ledger/types"

export type AttemptAuthorization = {
  status: AttemptStatus
  /** Medusa's payment, when the session is authorized (or was already). */
  payment_id: string | null
  /**
   * The capture still has to go through Medusa's capturePaymentWorkflow: the payment is not
   * captured, or was captured by the provider at authorization (Stripe's automatic capture)
   * without the order transaction that workflow records. False once both are done, so a
   * settlement triggered by `payment.captured` does not capture (and emit) again.
   */
  record_capture: boolean
  /**
   * When the provider captured at authorization, the captures still without their order
   * transaction: recording them is all that capturePaymentWorkflow would add (its capture
   * step finds the payment captured), so the settlement records them itself. Empty when
   * the payment is not captured yet (the workflow then captures).
   */
  unrecorded_captures: UnrecordedCapture[]
  failure: ProviderFailure
  next_action: Record<string, unknown> | null
  provider_reference: string | null
  /**
   * The money the payment moved, when it was captured at authorization (or before): what
   * the payment's view shows, read here once instead of again for the answer. Null when a
   * capture is still to come in this settlement, or there is no payment.
   */
  moved: MovedMoney | null
}

type Amount = { amount: BigNumberInput }

/** A payment's captures and refunds, as its view sums them (queries/payment/payment-view.ts). */
export type MovedMoney = { payment_id: string; captures: Amount[]; refunds: Amount[] }

/** A capture made at authorization, as its order transaction records it. */
export type UnrecordedCapture = {
  capture_id: string
  amount: BigNumberInput
  currency_code: string
}

type CaptureState = {
  record: boolean
  unrecorded: UnrecordedCapture[]
  /** Set when the payment is captured: its captures and refunds. */
  moved: MovedMoney | null
}

/**
 * Whether the capture still has to be recorded (true unless the payment is captured and
 * each capture has its order transaction), and which captures lack one.
 */
async function captureState(
  container: MedusaContainer,
  paymentId: string,
  orderId: string
): Promise<CaptureState> {
  const payment = await container.resolve(Modules.PAYMENT).retrievePayment(paymentId, {
    select: ["id", "captured_at", "currency_code"],
    relations: ["captures", "refunds"],
  })
  const captures = payment.captures ?? []
  if (!payment.captured_at || !captures.length) {
    return { record: true, unrecorded: [], moved: null }
  }
  const moved: MovedMoney = {
    payment_id: payment.id,
    captures: captures.map(amountOf),
    refunds: (payment.refunds ?? []).map(amountOf),
  }
  const recorded = await container.resolve(Modules.ORDER).listOrderTransactions(
    {
      order_id: orderId,
      reference: "capture",
      reference_id: captures.map((capture) => capture.id),
    },
    { select: ["reference_id"] }
  )
  const done = new Set(recorded.map((transaction) => transaction.reference_id))
  const unrecorded = captures
    .filter((capture) => !done.has(capture.id))
    .map((capture) => ({
      capture_id: capture.id,
      amount: (capture.raw_amount as BigNumberInput | undefined) ?? capture.amount,
      currency_code: payment.currency_code,
    }))
  return { record: unrecorded.length > 0, unrecorded, moved }
}

function amountOf(row: { amount: BigNumberInput; raw_amount?: unknown }): Amount {
  return { amount: (row.raw_amount as BigNumberInput | undefined) ?? row.amount }
}

/**
 * Asks Medusa's payment module to authorize the attempt's session. The module is
 * idempotent (an authorized session returns its payment), asks the provider for the
 * PaymentIntent's live state, and records any other state (requires_more, error) on the
 * session, which is read back here. So whatever order the confirmation, webhooks and the
 * reconciliation job run in, each sees Stripe's current answer, not a stale event's.
 *
 * No compensation: an authorization reflects what Stripe already did; Medusa's payment is
 * the record of it, and nothing later in the workflow can make it untrue.
 */
export const authorizePaymentAttemptStep = createStep(
  "payment-authorize-attempt",
  async (input: { attempt: PaymentAttemptRecord }, { container }) => {
    const payments = container.resolve(Modules.PAYMENT)
    const sessionId = input.attempt.session_id
    let paymentId: string | null = null
    try {
      const payment = await payments.authorizePaymentSession(sessionId, {})
      paymentId = payment?.id ?? null
    } catch (error) {
      if (error instanceof MedusaError && error.type === MedusaError.Types.NOT_FOUND) {
        // No session: replaced by a newer attempt, or closed when the order was cancelled.
        return new StepResponse<AttemptAuthorization>({
          status: input.attempt.status === "succeeded" ? "succeeded" : "canceled",
          payment_id: input.attempt.payment_id,
          record_capture: false,
          unrecorded_captures: [],
          failure: { code: input.attempt.failure_code, message: input.attempt.failure_message },
          next_action: null,
          provider_reference: input.attempt.provider_reference,
          moved: null,
        })
      }
      // "Session was not authorized with the provider": its state is on the session now.
      if (!(error instanceof MedusaError) || error.type !== MedusaError.Types.NOT_ALLOWED) {
        throw error
      }
    }
    if (paymentId) {
      // Authorized: the payment is the outcome; the session's data says nothing more (no
      // failure, no next action; the intent's id is the attempt's already).
      const capture = await captureState(container, paymentId, input.attempt.order_id)
      return new StepResponse<AttemptAuthorization>({
        status: "succeeded",
        payment_id: paymentId,
        record_capture: capture.record,
        unrecorded_captures: capture.unrecorded,
        failure: { code: null, message: null },
        next_action: null,
        provider_reference: null,
        moved: capture.moved,
      })
    }
    const session = await payments.retrievePaymentSession(sessionId, {
      select: ["id", "status", "data"],
    })
    const data = (session.data ?? {}) as Record<string, unknown>
    return new StepResponse<AttemptAuthorization>({
      status: attemptStatusOfSession(session.status),
      payment_id: null,
      record_capture: false,
      unrecorded_captures: [],
      failure: failureOf(data),
      next_action: nextActionOf(data),
      provider_reference: typeof data.id === "string" ? data.id : null,
      moved: null,
    })
  }
)
