import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { BigNumberInput, MedusaContainer, PaymentSessionDTO } from "@medusajs/framework/types"
import {
  loadPaymentCustomer,
  type AccountHolder,
  type Payer,
  type PaymentCustomer,
} from "../../../queries/payment/payment-customer"
import { ENGINE_INTENT_METADATA } from "../../../utils/payment/webhook-events"
import { accountHolderLockKey } from "./ensure-account-holder"

/** How long a checkout waits for another request making the same customer's holder (seconds). */
const LOCK_TIMEOUT_SECONDS = 30

/**
 * A new customer's account holder at the provider, made and linked under the per-customer
 * lock every maker of holders takes (steps/ensure-account-holder.ts): a new customer's
 * parallel first orders would otherwise each make one and all but one fail on the unique
 * (provider, external id) index. Re-read under the lock, and after a duplicate.
 */
async function makeAccountHolder(
  container: MedusaContainer,
  customer: PaymentCustomer,
  providerId: string
): Promise<AccountHolder | undefined> {
  const reread = async () =>
    (await loadPaymentCustomer(container, customer.id, providerId)).account_holder ?? undefined
  return container.resolve(Modules.LOCKING).execute(
    accountHolderLockKey(customer.id),
    async () => {
      const made = await reread()
      if (made) {
        return made
      }
      try {
        const created = await container.resolve(Modules.PAYMENT).createAccountHolder({
          provider_id: providerId,
          context: { customer },
        })
        // A provider without account holders answers with nothing to link.
        if (created?.id) {
          await container.resolve(ContainerRegistrationKeys.LINK).create({
            [Modules.CUSTOMER]: { customer_id: customer.id },
            [Modules.PAYMENT]: { account_holder_id: created.id },
          })
        }
        return (created ?? undefined) as AccountHolder | undefined
      } catch (error) {
        // Made meanwhile outside the lock (Medusa's own /store payment-session route).
        const found = await reread()
        if (found) {
          return found
        }
        throw error
      }
    },
    { timeout: LOCK_TIMEOUT_SECONDS }
  )
}

export type CreateCheckoutPaymentSessionInput = {
  /** The customer and account holder, read with the cart (queries/order/checkout-cart.ts). */
  payer: Payer
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
 * holder come read with the cart; a missing holder is made under the per-customer lock.
 *
 * Compensation deletes the session. The account holder is kept, as Medusa keeps it
 * (`noCompensation`): the provider made it with the customer's id as idempotency key, so a
 * deleted one would come back from the provider's replay.
 */
export const createCheckoutPaymentSessionStep = createStep(
  "payment-create-checkout-payment-session",
  async (input: CreateCheckoutPaymentSessionInput, { container }) => {
    const payments = container.resolve(Modules.PAYMENT)
    const { customer, account_holder: existing } = input.payer
    if (!customer) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Customer ${input.customer_id} was not found`
      )
    }
    const accountHolder =
      existing ?? (await makeAccountHolder(container, customer, input.provider_id))
    const session: PaymentSessionDTO = await payments.createPaymentSession(
      input.payment_collection_id,
      {
        provider_id: input.provider_id,
        currency_code: input.currency_code,
        amount: input.amount,
        // Marks the intent as the engine's: its webhooks are applied by the engine alone.
        data: { metadata: { ...ENGINE_INTENT_METADATA } },
        context: { customer, account_holder: accountHolder },
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
