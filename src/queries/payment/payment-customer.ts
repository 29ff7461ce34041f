import type { MedusaContainer } from "@medusajs/framework/types"
import { sqlRows } from "../sql"

type AddressRow = {
  id: string
  is_default_billing: boolean
  company: string | null
  first_name: string | null
  last_name: string | null
  address_1: string | null
  address_2: string | null
  city: string | null
  country_code: string | null
  province: string | null
  postal_code: string | null
  phone: string | null
}

/** The customer as a payment provider sees it (Medusa's createPaymentSessionsWorkflow). */
export type PaymentCustomer = {
  id: string
  email: string
  company_name: string | null
  first_name: string | null
  last_name: string | null
  phone: string | null
  metadata: Record<string, unknown> | null
  addresses: AddressRow[]
  /** The default billing address, else the first, without its empty fields. */
  billing_address?: BillingAddress
}

type BillingAddress = { [Field in keyof AddressRow]?: Exclude<AddressRow[Field], null> }

function withoutEmptyFields(address: AddressRow | undefined): BillingAddress | undefined {
  return (
    address &&
    (Object.fromEntries(
      Object.entries(address).filter(([, value]) => value !== null)
    ) as BillingAddress)
  )
}

/** A provider's record of the customer (a Stripe Customer's id in `data.id`). */
export type AccountHolder = {
  id: string
  provider_id: string
  external_id: string
  email: string | null
  data: Record<string, unknown>
  metadata: Record<string, unknown> | null
}

/** The columns of PAYMENT_CUSTOMER_COLUMNS as PostgreSQL returns them. */
export type PayerColumns = {
  payment_customer: Omit<PaymentCustomer, "billing_address"> | null
  account_holder: AccountHolder | null
}

type Row = PayerColumns

/**
 * The customer with addresses (`customer`) and their account holder at the provider
 * (`account_holder`) as two columns of a select: `?` placeholders for the customer id, the
 * customer id again and the provider id. Shared by the statement below and checkout's cart
 * read (queries/order/checkout-cart.ts), which reads them with the cart. A constant.
 */
export const PAYMENT_CUSTOMER_COLUMNS = `
  (select json_build_object('id', cu.id, 'email', cu.email, 'company_name', cu.company_name,
      'first_name', cu.first_name, 'last_name', cu.last_name, 'phone', cu.phone, 'metadata', cu.metadata,
      'addresses', coalesce((select json_agg(a order by a.created_at, a.id) from customer_address a
        where a.customer_id = cu.id and a.deleted_at is null), '[]'::json))
    from customer cu where cu.id = ? and cu.deleted_at is null) as payment_customer,
  (select row_to_json(ah) from account_holder ah
    join customer_account_holder cah on cah.account_holder_id = ah.id and cah.deleted_at is null
    where cah.customer_id = ? and ah.provider_id = ? and ah.deleted_at is null
    order by ah.created_at limit 1) as account_holder`

/**
 * The customer with addresses and their account holder at the provider, in one statement
 * (the customer, addresses, account-holder link and account holder took four).
 */
const PAYMENT_CUSTOMER_SQL = `select ${PAYMENT_CUSTOMER_COLUMNS}`

/** The customer and account holder as the provider's context takes them. */
export type Payer = { customer: PaymentCustomer | null; account_holder: AccountHolder | null }

/** Shapes the two columns of PAYMENT_CUSTOMER_COLUMNS. */
export function payerOf(row: Row | undefined): Payer {
  const customer = row?.payment_customer ?? null
  return {
    customer: customer && {
      ...customer,
      billing_address: withoutEmptyFields(
        customer.addresses.find((address) => address.is_default_billing) ?? customer.addresses[0]
      ),
    },
    account_holder: row?.account_holder ?? null,
  }
}

export async function loadPaymentCustomer(
  container: MedusaContainer,
  customerId: string,
  providerId: string
): Promise<Payer> {
  const [row] = await sqlRows<Row>(container, PAYMENT_CUSTOMER_SQL, [
    customerId,
    customerId,
    providerId,
  ])
  return payerOf(row)
}
