/**
 * Benchmark data for bench/checkout.ts (docs/PERFORMANCE.md, "Checkout"): the demo seed's
 * store (currencies, regions with tax regions, default sales channel, publishable key,
 * warehouse, shipping profile and flat-rate options, admin user) plus two pools of
 * customers made through Medusa's createCustomersWorkflow, `bench-engine-NNNN@bench.test`
 * for the engine's POST /cart/checkout and `bench-store-NNNN@bench.test` for Medusa's
 * /store/carts/{id}/complete (separate pools, so a cart made through /store is never the
 * "open cart" the engine checks out). The bench signs their access tokens itself with
 * JWT_SECRET, as integration-tests/helpers/commerce.ts does. Products are made by the bench
 * through POST /products. Run against a dedicated database:
 *
 *   DATABASE_URL=postgres://postgres@localhost:5432/bench_checkout REDIS_URL=redis://localhost:6379/7 \
 *     BENCH_CUSTOMERS=600 npx medusa exec ./bench/checkout-seed.ts
 *
 * Running it again adds only what is missing.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { seedAdminUser } from "../src/scripts/seed/admin-user"
import { seedFulfillment } from "../src/scripts/seed/fulfillment"
import { seedStore } from "../src/scripts/seed/store"

const BATCH = 200

const BENCH_CUSTOMER_POOLS = ["engine", "store"] as const

function benchCustomerEmail(pool: string, index: number): string {
  return `bench-${pool}-${String(index).padStart(4, "0")}@bench.test`
}

export default async function seedCheckoutBench({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const customerModule = container.resolve(Modules.CUSTOMER)
  const count = Number(process.env.BENCH_CUSTOMERS ?? 600)
  const started = Date.now()

  const ctx = await seedStore(container)
  await seedFulfillment(container, ctx)
  await seedAdminUser(container)

  for (const pool of BENCH_CUSTOMER_POOLS) {
    const emails = Array.from({ length: count }, (_, i) => benchCustomerEmail(pool, i))
    for (let start = 0; start < emails.length; start += BATCH) {
      const batch = emails.slice(start, start + BATCH)
      const existing = new Set(
        (
          await customerModule.listCustomers(
            { email: batch },
            { select: ["email"], take: batch.length }
          )
        ).map((customer) => customer.email)
      )
      const missing = batch.filter((email) => !existing.has(email))
      if (missing.length) {
        await createCustomersWorkflow(container).run({
          input: {
            customersData: missing.map((email) => ({
              email,
              first_name: "Bench",
              last_name: pool,
              has_account: true,
            })),
          },
        })
      }
    }
    logger.info(`bench seed: ${count} ${pool} customers`)
  }
  logger.info(`bench seed: done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
