import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

/**
 * Whether the store has any automatic promotion (one row at most is read). With none, and
 * no code applied to the cart, Medusa's promotion computation cannot change the cart, so
 * checkout skips it — the rule cart changes use (load-cart-for-change.ts). Reads only.
 */
export const findAutomaticPromotionsStep = createStep(
  "order-find-automatic-promotions",
  async (_input: Record<string, never>, { container }) => {
    const found = await container
      .resolve(Modules.PROMOTION)
      .listPromotions({ is_automatic: true }, { select: ["id"], take: 1 })
    return new StepResponse({ exist: found.length > 0 })
  }
)
