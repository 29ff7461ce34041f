import Stripe from "stripe"
import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/** Medusa's webhook route for the Stripe provider (`pp_stripe_stripe`). */
export const STRIPE_WEBHOOK_PATH = "/hooks/payment/stripe_stripe"

/**
 * Refuses a Stripe webhook whose signature is wrong or older than Stripe's 5-minute
 * tolerance with a 400, before Medusa's route queues it: Medusa answers every webhook 200
 * and only checks the signature later, in the background, so a forged event would
 * otherwise be acknowledged and retried. The provider checks it again when applying it.
 */
export function verifyStripeSignature(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
): void {
  const secret = process.env.STRIPE_WEBHOOK_SECRET
  if (!secret) {
    return next()
  }
  const signature = req.headers["stripe-signature"]
  const raw = (req as MedusaRequest & { rawBody?: Buffer }).rawBody
  next(
    typeof signature === "string" && raw && isGenuine(raw, signature, secret)
      ? undefined
      : new MedusaError(MedusaError.Types.INVALID_DATA, "The Stripe signature is not valid")
  )
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
  matcher: STRIPE_WEBHOOK_PATH,
  methods: ["POST"],
  bodyParser: { preserveRawBody: true },
  middlewares: [verifyStripeSignature],
}
