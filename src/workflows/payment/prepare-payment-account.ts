import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ensureAccountHolderStep } from "./steps/ensure-account-holder"

export type PreparePaymentAccountInput = { customer_id: string; provider_id: string }

/**
 * Makes a customer's account holder at the payment provider (a Stripe Customer) ahead of
 * their first checkout, in the background after their first cart is made
 * (subscribers/prepare-payment-account.ts): the checkout then finds it and neither calls
 * the provider nor writes the holder and its link on the customer's request
 * (docs/DECISIONS.md, "The payment account before the first checkout"). The same step,
 * lock and re-reads as every other maker of holders, so a checkout racing it makes one
 * holder between them.
 */
export const preparePaymentAccountWorkflow = createWorkflow(
  "payment-prepare-account",
  (input: PreparePaymentAccountInput) => {
    const holder = ensureAccountHolderStep(input)
    return new WorkflowResponse(holder)
  }
)
