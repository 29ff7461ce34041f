import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { detachPaymentMethodStep } from "./steps/detach-payment-method"

/** Removes a saved card of the customer's own (DELETE /payments/methods/{id}). */
export const deletePaymentMethodWorkflow = createWorkflow(
  "payment-delete-method",
  (input: { customer_id: string; payment_method_id: string }) => {
    return new WorkflowResponse(detachPaymentMethodStep(input))
  }
)
