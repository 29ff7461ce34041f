import Stripe from "stripe"
import StripeProviderService from "@medusajs/payment-stripe/dist/services/stripe-provider"
import type {
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionData,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { MedusaError, PaymentActions } from "@medusajs/framework/utils"
import { stripeHostOptions, type EngineStripeOptions } from "./options"
import {
  getAmountFromSmallestUnit,
  getSmallestUnit,
} from "@medusajs/payment-stripe/dist/utils/get-smallest-unit"
import {
  keepRefundLedger,
  refundedBefore,
  refundIdempotencyKey,
  withRefundLedger,
} from "../../utils/payment/refund-key"
import { settledByEngine } from "../../utils/payment/webhook-events"

/** What the engine asks of `updatePayment` to confirm a PaymentIntent server-side. */
export type IntentConfirmation = { payment_method?: string; return_url?: string }

/** The key under which a confirmation travels in the session data given to updatePayment. */
export const CONFIRMATION_KEY = "engine_confirmation"

/** Webhook results carry the Stripe event they came from, for the engine's event log. */
export type EngineWebhookData = WebhookActionData & {
  event_id: string
  event_type: string
}

/** Intent states a confirmation could have moved on: anything else was confirmed before. */
const CONFIRMABLE: string[] = ["requires_payment_method", "requires_confirmation"]

/**
 * How old a webhook may be when it is processed. Its age was checked (Stripe's 5 minutes)
 * when it arrived (src/api/hooks/helpers/stripe-signature.ts); Medusa processes it later, after
 * a delay and retries, and a backlog must not make a verified event unreadable.
 */
const QUEUED_WEBHOOK_TOLERANCE_SECONDS = 7 * 24 * 60 * 60

type StatusMapper = { getStatus(intent: Stripe.PaymentIntent): UpdatePaymentOutput }

/**
 * Medusa's Stripe provider (`@medusajs/payment-stripe` 2.21.2), with four additions:
 *
 * - the Stripe client is rebuilt from options, so `apiUrl` can point it at a fake Stripe
 *   (the official one is `new Stripe(apiKey)` and ignores host options), and with network
 *   retries, whose retried POSTs reuse one idempotency key;
 * - `updatePayment` confirms the PaymentIntent when the engine passes a confirmation
 *   (POST /payments/confirm), under an idempotency key; a declined card is not thrown but
 *   returned as the intent's state (status `error`, `last_payment_error`), so Medusa records
 *   it on the session and the order stays pending;
 * - webhook results name their Stripe event, and `charge.refunded` (refunds made in
 *   Stripe's dashboard) is passed on for the engine to record. Medusa's own subscriber
 *   ignores it (`not_supported`). Queued webhooks are read with a long signature
 *   tolerance: their age was checked when they arrived;
 * - refunds are made under a key derived from the request (src/utils/payment/refund-key.ts),
 *   not Medusa's refund row id, so a refund whose answer was lost is replayed, not repeated,
 *   when retried; what was refunded so far is kept in `payment.data` for that.
 *
 * Everything else is Medusa's. `stripe-payment.unit.spec.ts` fails if the parent's shape
 * (the members used here) changes.
 */
export default class EngineStripeProviderService extends StripeProviderService {
  static override identifier = StripeProviderService.identifier

  constructor(container: Record<string, unknown>, options: EngineStripeOptions) {
    super(container, options)
    this.stripe_ = new Stripe(options.apiKey, {
      ...stripeHostOptions(options.apiUrl),
      maxNetworkRetries: options.maxNetworkRetries ?? 2,
      appInfo: { name: "commerce-engine" },
    })
  }

  /** The client, for the engine's own provider-level checks (webhook signatures). */
  get client(): Stripe {
    return this.stripe_
  }

  override async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const confirmation = input.data?.[CONFIRMATION_KEY] as IntentConfirmation | undefined
    if (!confirmation) {
      return super.updatePayment(input)
    }
    const id = input.data?.id as string
    try {
      const intent = await this.stripe_.paymentIntents.confirm(
        id,
        {
          ...(confirmation.payment_method ? { payment_method: confirmation.payment_method } : {}),
          ...(confirmation.return_url ? { return_url: confirmation.return_url } : {}),
          expand: ["payment_method"],
        },
        { idempotencyKey: input.context?.idempotency_key }
      )
      return this.statusOf(intent)
    } catch (error) {
      // A decline is an answer, not a failure: the intent (requires_payment_method with
      // last_payment_error) goes on the session like any other state.
      if (error instanceof Stripe.errors.StripeCardError && error.payment_intent) {
        return this.statusOf(error.payment_intent)
      }
      if (error instanceof Stripe.errors.StripeInvalidRequestError) {
        const intent = error.payment_intent
        // Already confirmed (by Stripe.js on the storefront, or a request that raced this
        // one): the intent's present state is the answer.
        if (
          error.code === "payment_intent_unexpected_state" &&
          intent &&
          !CONFIRMABLE.includes(intent.status)
        ) {
          return this.statusOf(intent)
        }
        // The customer's mistake: no card, an unknown one, or one that is not theirs.
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Stripe refused the payment method: ${error.message}`
        )
      }
      throw this.buildError("An error occurred in updatePayment (confirm)", error as Error)
    }
  }

  override async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const data = input.data ?? {}
    const before = refundedBefore(data)
    const amount = getSmallestUnit(input.amount, data.currency as string)
    const idempotency_key = refundIdempotencyKey(data.id as string, before, amount)
    const result = await super.refundPayment({
      ...input,
      context: { ...input.context, idempotency_key },
    })
    // Medusa saves this as payment.data only once Stripe answered: a lost answer leaves the
    // ledger where it was, and the retry's key is this one.
    return { ...result, data: withRefundLedger(result.data ?? data, before + amount) }
  }

  override async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const result = await super.capturePayment(input)
    return { ...result, data: keepRefundLedger(input.data, result.data) }
  }

  override async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const result = await super.cancelPayment(input)
    return { ...result, data: keepRefundLedger(input.data, result.data) }
  }

  override async getWebhookActionAndData(
    payload: ProviderWebhookPayload["payload"]
  ): Promise<WebhookActionResult> {
    // Verifies the signature (and its age): a forged or replayed event throws here.
    const event = this.constructWebhookEvent(payload)
    const reference = { event_id: event.id, event_type: event.type }
    if (event.type === "charge.refunded") {
      return { action: PaymentActions.NOT_SUPPORTED, data: await this.refundDataOf(event) }
    }
    const result = await super.getWebhookActionAndData(payload)
    if (!result.data) {
      return result
    }
    const data: EngineWebhookData = { ...result.data, ...reference }
    // The engine's subscriber reads only `data`; Medusa's handler skips NOT_SUPPORTED.
    const action = settledByEngine(event.data.object) ? PaymentActions.NOT_SUPPORTED : result.action
    return { action, data }
  }

  /** The signature is checked again, against the arrival check's age limit (see above). */
  override constructWebhookEvent(data: ProviderWebhookPayload["payload"]): Stripe.Event {
    try {
      return this.stripe_.webhooks.constructEvent(
        data.rawData as Buffer,
        data.headers["stripe-signature"] as string,
        this.options_.webhookSecret,
        QUEUED_WEBHOOK_TOLERANCE_SECONDS
      )
    } catch (error) {
      throw this.buildError("An error occurred in constructWebhookEvent", error as Error)
    }
  }

  /** A refunded charge's session (through its PaymentIntent) and total refunded. */
  private async refundDataOf(event: Stripe.Event): Promise<EngineWebhookData | undefined> {
    const charge = event.data.object as Stripe.Charge
    const intentId =
      typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id
    let sessionId = charge.metadata?.session_id
    if (!sessionId && intentId) {
      const intent = await this.stripe_.paymentIntents.retrieve(intentId)
      sessionId = intent.metadata?.session_id
    }
    if (!sessionId) {
      return undefined
    }
    return {
      session_id: sessionId,
      amount: getAmountFromSmallestUnit(charge.amount_refunded, charge.currency),
      event_id: event.id,
      event_type: event.type,
    }
  }

  /** Medusa's own mapping of an intent to a session status (StripeBase declares it private). */
  private statusOf(intent: Stripe.PaymentIntent): UpdatePaymentOutput {
    return (this as unknown as StatusMapper).getStatus(intent)
  }
}
