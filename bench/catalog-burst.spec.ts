import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { createShop, useTestRedis, waitForIdleEventQueue } from "../integration-tests/helpers"

/**
 * The catalog's burst (issue 16): BURST_N products (default 1,000) imported through
 * Medusa's createProductsWorkflow in chunks of 250, as an import would, on Redis; prints how
 * long the import took and how long after it the event queue and the catalog's sync queue
 * were idle (the read model in step). A measurement, not a test: run by hand
 * (docs/PERFORMANCE.md, "Catalog bursts"):
 *
 *   BURST_N=1000 DB_HOST=localhost DB_USERNAME=postgres DB_PASSWORD= DB_PORT=5432 \
 *     TEST_TYPE=integration:http NODE_OPTIONS=--experimental-vm-modules npx jest --forceExit \
 *     --testMatch '<rootDir>/bench/catalog-burst.spec.ts'
 */
useTestRedis()
jest.setTimeout(900_000)
const N = Number(process.env.BURST_N || 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("imports a burst and waits until the catalog is in step", async () => {
      await createShop(getContainer(), api, { name: "Lamp", price: "1", stock_quantity: 5 })
      await waitForIdleEventQueue(60_000)
      const t0 = Date.now()
      for (let start = 0; start < N; start += 250) {
        await createProductsWorkflow(getContainer()).run({
          input: {
            products: Array.from({ length: Math.min(250, N - start) }, (_, i) => ({
              title: `Burst ${start + i}`,
              status: ProductStatus.PUBLISHED,
              options: [{ title: "Default", values: ["Default"] }],
              variants: [
                {
                  title: "Default",
                  options: { Default: "Default" },
                  manage_inventory: true,
                  prices: [{ amount: 10, currency_code: "usd" }],
                },
              ],
            })),
          },
        })
      }
      const t1 = Date.now()
      await waitForIdleEventQueue(800_000)
      const t2 = Date.now()
      const { data } = await api.get("/products/search?q=burst&limit=1")
      process.stdout.write(
        `BURST N=${N} import=${t1 - t0}ms inStepAfterImport=${t2 - t1}ms total=${t2 - t0}ms count=${data.count}\n`
      )
    })
  },
})
