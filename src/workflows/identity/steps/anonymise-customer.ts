import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

type Personal = {
  email: string
  first_name: string | null
  last_name: string | null
  phone: string | null
  company_name: string | null
}

/**
 * Replaces the customer's personal data; the customer record stays so its orders keep
 * their owner. Compensation puts the data back.
 */
export const anonymiseCustomerStep = createStep(
  "identity-anonymise-customer",
  async (input: { customer_id: string }, { container }) => {
    const customers = container.resolve(Modules.CUSTOMER)
    const customer = await customers.retrieveCustomer(input.customer_id)
    const previous: Personal = {
      email: customer.email,
      first_name: customer.first_name ?? null,
      last_name: customer.last_name ?? null,
      phone: customer.phone ?? null,
      company_name: customer.company_name ?? null,
    }
    await customers.updateCustomers(input.customer_id, {
      email: `deleted-${input.customer_id.toLowerCase()}@anonymized.invalid`,
      first_name: null,
      last_name: null,
      phone: null,
      company_name: null,
    })
    return new StepResponse({ email: previous.email }, { id: input.customer_id, previous })
  },
  async (undo, { container }) => {
    if (undo) {
      await container.resolve(Modules.CUSTOMER).updateCustomers(undo.id, undo.previous)
    }
  }
)
