import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ensureAccountHolderStep } from "./steps/ensure-account-holder"
import { savePaymentMethodStep } from "./steps/save-payment-method"

/** Saves a card for the customer (POST /payments/methods): account holder, then the card. */
export const savePaymentMethodWorkflow = createWorkflow(
  "payment-save-method",
  (input: { customer_id: string; payment_method_id: string }) => {
    const holder = ensureAccountHolderStep({ customer_id: input.customer_id })
    const saved = savePaymentMethodStep({
      account_holder: holder,
      payment_method_id: input.payment_method_id,
    })
    return new WorkflowResponse(saved)
  }
)
