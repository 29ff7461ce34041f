import Stripe from "stripe"
import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { webhookProvider } from "../../../config/payment"
import { sendError } from "../../utils/respond"

/** Medusa's webhook route for the Stripe provider (`pp_stripe_stripe`). */
export const STRIPE_WEBHOOK_PATH = "/hooks/payment/stripe_stripe"

/** Medusa's webhook route for every payment provider. */
const PAYMENT_WEBHOOK_PATH = "/hooks/payment/:provider"

/**
 * Checks a payment webhook before Medusa's route queues it: Medusa answers every webhook
 * 200 and only looks at it later, in the background, so a forged event (or one for a
 * provider this server does not have) would be acknowledged and then fail in the log.
 *
 * - a provider that is not configured (Stripe without STRIPE_API_KEY, any other name): 404;
 * - Stripe with a wrong signature, or one older than Stripe's 5-minute tolerance: 400.
 *
 * The provider checks the signature again when it applies the event.
 */
export function verifyPaymentWebhook(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): void {
  const provider = String(req.params.provider ?? "")
  const configured = webhookProvider(provider)
  if (!configured) {
    return sendError(res, 404, {
      type: "not_found",
      message: `No payment provider "${provider.slice(0, 100)}" takes webhooks on this server`,
    })
  }
  const signature = req.headers["stripe-signature"]
  const raw = (req as MedusaRequest & { rawBody?: Buffer }).rawBody
  const secret = configured.signingSecret
  if (!secret || typeof signature !== "string" || !raw || !isGenuine(raw, signature, secret)) {
    return sendError(res, 400, {
      type: "invalid_data",
      message: "The Stripe signature is not valid",
    })
  }
  next()
}

/** Stripe's own check: the signature matches the body and is at most 5 minutes old. */
function isGenuine(raw: Buffer, signature: string, secret: string): boolean {
  try {
    Stripe.webhooks.constructEvent(raw, signature, secret)
    return true
  } catch {
    return false
  }
}

export const stripeWebhookMiddlewares: MiddlewareRoute = {
  matcher: PAYMENT_WEBHOOK_PATH,
  methods: ["POST"],
  bodyParser: { preserveRawBody: true },
  middlewares: [verifyPaymentWebhook],
}
