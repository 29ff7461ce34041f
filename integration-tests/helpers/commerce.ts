import type { KeyObject } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { seedFulfillment } from "../../src/scripts/seed/fulfillment"
import { seedStore } from "../../src/scripts/seed/store"
import type { AxiosInstance } from "axios"
import { createAdminUser, type AdminSession } from "./admin"
import { createCatalogProduct, type CatalogProduct, type CatalogProductBody } from "./catalog"
import { signJwt } from "./jwt"
import { uniqueEmail } from "./unique"

export type CommerceSetup = {
  salesChannelId: string
  stockLocationId: string
  /** Headers Medusa's /store routes need (the seed's publishable key). */
  storeHeaders: { "x-publishable-api-key": string }
}

/**
 * A store that can sell and ship: the seed's own regions (with tax regions), store
 * currency, publishable key, default stock location, shipping profile and flat-rate
 * options. Products made with POST /products land in its default channel and location.
 */
export async function createCommerceSetup(container: MedusaContainer): Promise<CommerceSetup> {
  const ctx = await seedStore(container)
  const stockLocationId = await seedFulfillment(container, ctx)
  const [key] = await container
    .resolve(Modules.API_KEY)
    .listApiKeys({ type: "publishable" }, { take: 1 })
  return {
    salesChannelId: ctx.salesChannelId,
    stockLocationId,
    storeHeaders: { "x-publishable-api-key": key.token },
  }
}

export type Shopper = { id: string; email: string; headers: { authorization: string } }

/**
 * Customers with access tokens signed like the engine's own (Medusa's JWT claims and
 * secret), made directly so concurrency tests can have a hundred of them quickly; the
 * engine verifies these tokens exactly as it does a login's. `registered` marks them as
 * accounts (`has_account`, as registration does), which is what makes Medusa's /store
 * carts and orders theirs alone (docs/SECURITY.md, defect 3); by default they are like
 * the guest records Medusa makes from an email.
 */
export async function createShoppers(
  container: MedusaContainer,
  count: number,
  { registered = false }: { registered?: boolean } = {}
): Promise<Shopper[]> {
  const emails = Array.from({ length: count }, () => uniqueEmail("shopper"))
  const { result } = await createCustomersWorkflow(container).run({
    input: {
      customersData: emails.map((email) => ({
        email,
        first_name: "Shop",
        last_name: "Per",
        has_account: registered,
      })),
    },
  })
  const { jwtSecret } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
    .http
  const now = Math.floor(Date.now() / 1000)
  return result.map((customer) => {
    const token = signJwt(
      {
        actor_id: customer.id,
        actor_type: "customer",
        auth_identity_id: `authid_${customer.id}`,
        app_metadata: { customer_id: customer.id },
        iat: now,
        exp: now + 3600,
      },
      jwtSecret as string | KeyObject
    )
    return { id: customer.id, email: customer.email, headers: { authorization: `Bearer ${token}` } }
  })
}

export { TEST_ADDRESS } from "./address"

export type Shop = {
  admin: AdminSession
  setup: CommerceSetup
  product: CatalogProduct
  alice: Shopper
  bob: Shopper
}

/**
 * What the cart and order specs start from: an admin, a store that can sell and ship, one
 * product made through POST /products, and two customers (`registered`: see createShoppers).
 */
export async function createShop(
  container: MedusaContainer,
  api: AxiosInstance,
  product: CatalogProductBody,
  options: { registered?: boolean } = {}
): Promise<Shop> {
  const admin = await createAdminUser(container, api)
  const setup = await createCommerceSetup(container)
  const created = await createCatalogProduct(api, admin.headers, product)
  const [alice, bob] = await createShoppers(container, 2, options)
  return { admin, setup, product: created, alice, bob }
}
