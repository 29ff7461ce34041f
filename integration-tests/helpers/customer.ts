import type { AxiosInstance } from "axios"
import type { CustomerDTO } from "@medusajs/framework/types"
import { bearer, uniqueEmail } from "./unique"

export type CustomerSession = {
  customer: CustomerDTO
  email: string
  password: string
  token: string
  headers: { authorization: string }
}

/**
 * A storefront customer made the way a shopper makes one through Medusa's routes:
 * register an emailpass identity, create the customer, log in for a customer token.
 */
export async function createCustomer(
  api: AxiosInstance,
  storeHeaders: Record<string, string>,
  overrides: { email?: string; password?: string; first_name?: string } = {}
): Promise<CustomerSession> {
  const email = overrides.email ?? uniqueEmail("customer")
  const password = overrides.password ?? "customer-password-1"
  const registration = await api.post("/auth/customer/emailpass/register", { email, password })
  const { data } = await api.post(
    "/store/customers",
    { email, first_name: overrides.first_name ?? "Test", last_name: "Customer" },
    { headers: { ...storeHeaders, ...bearer(registration.data.token) } }
  )
  const login = await api.post("/auth/customer/emailpass", { email, password })
  return {
    customer: data.customer,
    email,
    password,
    token: login.data.token,
    headers: bearer(login.data.token),
  }
}
