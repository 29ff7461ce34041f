import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requireActorOf } from "../../utils/auth"
import { runIdempotent } from "../../utils/idempotency"
import { findAttemptFor, loadPaymentFor } from "../../../queries/payment/payment-access"
import { refundPaymentWorkflow } from "../../../workflows/payment/refund-payment"
import { PLATFORM_MODULE } from "../../../modules/platform"
import type PlatformModuleService from "../../../modules/platform/service"
import type { RefundPaymentBody } from "../validators"

/** Refunds part or all of a payment (admin); the order becomes (partially_)refunded. */
export async function POST(
  req: MedusaRequest<RefundPaymentBody>,
  res: MedusaResponse
): Promise<void> {
  const actor = requireActorOf(req)
  const { payment_id, amount, reason } = req.validatedBody
  // A retry with the same Idempotency-Key answers the first refund instead of paying again.
  await runIdempotent(req, res, "POST /payments/refund", async () => {
    const attempt = await findAttemptFor(req.scope, actor, payment_id)
    await refundPaymentWorkflow(req.scope).run({
      input: { attempt_id: attempt.id, amount, reason, actor: { type: "admin", id: actor.id } },
    })
    // Medusa emits no payment.refunded for this path; refunds made in Medusa's dashboard
    // are counted by src/subscribers/count-business-events.ts.
    await req.scope
      .resolve<PlatformModuleService>(PLATFORM_MODULE)
      .countBusinessEvent("refunds", { source: "engine" })
    return { status: 200, body: await loadPaymentFor(req.scope, actor, attempt.id) }
  })
}
