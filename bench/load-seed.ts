/**
 * Data for the 1,000-user scenario (bench/load-scenario.ts, docs/PERFORMANCE.md,
 * "1,000-user scenario"): the catalog of bench/catalog-seed.ts (store, regions, shipping,
 * ~1,000 products with 0–199 units each, categories, tags, the catalog read model) plus
 * BENCH_SHOPPERS customer accounts that sign in with a password through POST /auth/login:
 * `load-shopper-NNNN@bench.test`, password LOAD_SHOPPER_PASSWORD. They are registered
 * through the engine's own registration workflow (identity, customer, profile), as
 * POST /auth/register does. Run it with the STRIPE_* settings the server will have, so the
 * regions offer Stripe (the fake one, see the scenario):
 *
 *   DATABASE_URL=postgres://postgres@localhost:5432/bench_load REDIS_URL=redis://localhost:6379/13 \
 *     STRIPE_API_KEY=sk_test_load STRIPE_WEBHOOK_SECRET=whsec_load STRIPE_API_URL=http://127.0.0.1:12190 \
 *     BENCH_PRODUCTS=1000 BENCH_SHOPPERS=150 npx medusa exec ./bench/load-seed.ts
 *
 * Running it again adds only what is missing.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { registerCustomerWorkflow } from "../src/workflows/identity/register-customer"
import seedCatalogBench from "./catalog-seed"
import { LOAD_SHOPPER_PASSWORD, loadShopperEmail, loadShopperUsername } from "./load-users"

const PARALLEL = 4

export default async function seedLoadScenario(args: ExecArgs): Promise<void> {
  const { container } = args
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const customerModule = container.resolve(Modules.CUSTOMER)
  const count = Number(process.env.BENCH_SHOPPERS ?? 150)

  await seedCatalogBench(args)

  const started = Date.now()
  const emails = Array.from({ length: count }, (_, i) => loadShopperEmail(i))
  const existing = new Set(
    (
      await customerModule.listCustomers(
        { email: emails, has_account: true },
        { select: ["email"], take: emails.length }
      )
    ).map((customer) => customer.email)
  )
  const missing = emails
    .map((email, index) => ({ email, index }))
    .filter((s) => !existing.has(s.email))
  let next = 0
  const worker = async () => {
    while (next < missing.length) {
      const { email, index } = missing[next++]
      await registerCustomerWorkflow(container).run({
        input: {
          email,
          username: loadShopperUsername(index),
          password: LOAD_SHOPPER_PASSWORD,
          first_name: "Load",
          last_name: `Shopper ${index}`,
        },
      })
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker))
  logger.info(
    `load seed: ${count} shopper accounts (${missing.length} new) in ${((Date.now() - started) / 1000).toFixed(1)} s`
  )
}
