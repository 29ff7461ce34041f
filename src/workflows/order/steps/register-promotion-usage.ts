import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type { CampaignBudgetUsageContext, UsageComputedActions } from "@medusajs/framework/types"

export type PromotionUsageInput = {
  computedActions: UsageComputedActions[]
  registrationContext: CampaignBudgetUsageContext
}

/**
 * Charges the promotions a checked-out cart used to their campaign budgets and usage
 * limits, as completeCartWorkflow does (Medusa's own step is not exported). Compensation
 * reverts the usage.
 */
export const registerPromotionUsageStep = createStep(
  "order-register-promotion-usage",
  async (input: PromotionUsageInput, { container }) => {
    if (!input.computedActions.length) {
      return new StepResponse(undefined, null)
    }
    await container
      .resolve(Modules.PROMOTION)
      .registerUsage(input.computedActions, input.registrationContext)
    return new StepResponse(undefined, input)
  },
  async (registered, { container }) => {
    if (registered?.computedActions.length) {
      await container
        .resolve(Modules.PROMOTION)
        .revertUsage(registered.computedActions, registered.registrationContext)
    }
  }
)
