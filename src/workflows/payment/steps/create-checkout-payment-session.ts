import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { BigNumberInput, PaymentSessionDTO } from "@medusajs/framework/types"
import { loadPaymentCustomer } from "../../../queries/payment/payment-customer"

export type CreateCheckoutPaymentSessionInput = {
  payment_collection_id: string
  provider_id: string
  customer_id: string
  amount: BigNumberInput
  currency_code: string
}

/**
 * The payment session of a new order's payment collection, as Medusa's
 * createPaymentSessionsWorkflow opens it — the customer with their billing address and
 * their account holder at the provider (made and linked on first use) in the provider's
 * context — without that workflow's reads of what checkout just wrote: the collection (its
 * amount and currency are given; it has no session to replace), its cart, and the
 * region check, which Medusa skips for a completed cart anyway. The customer and account
 * holder are one read.
 *
 * Compensation deletes the session. The account holder is kept, as Medusa keeps it
 * (`noCompensation`): the provider made it with the customer's id as idempotency key, so a
 * deleted one would come back from the provider's replay.
 */
export const createCheckoutPaymentSessionStep = createStep(
  "payment-create-checkout-payment-session",
  async (input: CreateCheckoutPaymentSessionInput, { container }) => {
    const payments = container.resolve(Modules.PAYMENT)
    const { customer, account_holder: existing } = await loadPaymentCustomer(
      container,
      input.customer_id,
      input.provider_id
    )
    if (!customer) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Customer ${input.customer_id} was not found`
      )
    }
    let accountHolder = existing
    if (!accountHolder) {
      const created = await payments.createAccountHolder({
        provider_id: input.provider_id,
        context: { customer },
      })
      // A provider without account holders answers with nothing to link.
      if (created?.id) {
        await container.resolve(ContainerRegistrationKeys.LINK).create({
          [Modules.CUSTOMER]: { customer_id: customer.id },
          [Modules.PAYMENT]: { account_holder_id: created.id },
        })
      }
      accountHolder = created as typeof existing
    }
    const session: PaymentSessionDTO = await payments.createPaymentSession(
      input.payment_collection_id,
      {
        provider_id: input.provider_id,
        currency_code: input.currency_code,
        amount: input.amount,
        data: {},
        context: { customer, account_holder: accountHolder ?? undefined },
      }
    )
    return new StepResponse(session, session.id)
  },
  async (sessionId, { container }) => {
    if (sessionId) {
      await container.resolve(Modules.PAYMENT).deletePaymentSession(sessionId)
    }
  }
)
