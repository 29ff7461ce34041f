import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import type { AxiosInstance } from "axios"
import type { Knex } from "knex"
import Redis from "ioredis"
import {
  addAndCheckout,
  createShop,
  importedProducts,
  pendingEventWork,
  useTestRedis,
  waitForIdleEventQueue,
} from "../integration-tests/helpers"

/**
 * The catalog's burst (issue 16): BURST_N products (default 1,000; 5,000 is the issue's
 * case) imported through Medusa's createProductsWorkflow in chunks of 250, as an import
 * would, on Redis. Right after the import, while its events are worked off, a customer
 * checks out a product, and the time from the checkout's answer until the product and a
 * list show the new stock is measured. Prints how long the import took, the checkout's
 * numbers, and how long after the import the event queue and the catalog's sync queue were
 * idle with every imported product in the catalog (the read model in step). A
 * measurement, not a test: run by hand (docs/PERFORMANCE.md, "Catalog bursts"):
 *
 *   BURST_N=5000 DB_HOST=localhost DB_USERNAME=postgres DB_PASSWORD= DB_PORT=5432 \
 *     TEST_TYPE=integration:http NODE_OPTIONS=--experimental-vm-modules npx jest --forceExit \
 *     --testMatch '<rootDir>/bench/catalog-burst.spec.ts'
 */
useTestRedis()
jest.setTimeout(3_600_000)
const N = Number(process.env.BURST_N || 1000)
const CHUNK = 250

type Listed = { items: { id: string; stock_quantity: number | null }[] }

/** Polls until `shown()` holds; how long that took (ms) and how many reads it made. */
async function timeUntil(shown: () => Promise<boolean>, limitMs = 120_000) {
  const started = performance.now()
  for (let reads = 1; ; reads++) {
    if (await shown()) {
      return { ms: Math.round(performance.now() - started), reads }
    }
    if (performance.now() - started > limitMs) {
      return { ms: -1, reads }
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

async function stockShown(api: AxiosInstance, id: string, stock: number) {
  const product = timeUntil(
    async () => (await api.get(`/products/${id}`)).data.stock_quantity === stock
  )
  // The lamp is the cheapest product (the import's cost 10).
  const list = timeUntil(async () =>
    (((await api.get("/products?sort=price_asc&limit=5")).data as Listed).items ?? []).some(
      (item) => item.id === id && item.stock_quantity === stock
    )
  )
  return { product: await product, list: await list }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("imports a burst and waits until the catalog is in step", async () => {
      const container = getContainer()
      const shop = await createShop(container, api, {
        name: "Lamp",
        price: "1",
        stock_quantity: 50,
      })
      await waitForIdleEventQueue(60_000)
      // Cached before the burst, as a storefront would have it.
      await stockShown(api, shop.product.id, 50)

      const t0 = Date.now()
      for (let start = 0; start < N; start += CHUNK) {
        await createProductsWorkflow(container).run({
          input: {
            products: importedProducts("Burst", Math.min(CHUNK, N - start), start),
          },
        })
      }
      const t1 = Date.now()
      const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
      const inCatalog = async () =>
        (
          (
            await db.raw(
              `select count(*)::int as n from catalog_product
               where name like 'Burst %' and is_active and deleted_at is null`
            )
          ).rows as { n: number }[]
        )[0].n
      // The read model is in step when every imported product is in it; Medusa's queue may
      // still hold events of the import that change nothing in the catalog by then.
      const readModelInStep = timeUntil(async () => {
        const shownNow = (await inCatalog()) === N
        if (!shownNow) {
          await new Promise((resolve) => setTimeout(resolve, 490))
        }
        return shownNow
      }, 3_000_000)

      // A checkout while the import's events are worked off.
      const redis = new Redis(useTestRedis(), { maxRetriesPerRequest: 1 })
      const pendingAtCheckout = await pendingEventWork(redis)
      const checkoutStarted = performance.now()
      const checkout = await addAndCheckout(api, shop.alice, shop.product.id, 2)
      const checkoutMs = Math.round(performance.now() - checkoutStarted)
      if (checkout.status !== 201) {
        throw new Error(`checkout: ${checkout.status} ${JSON.stringify(checkout.data)}`)
      }
      const shown = await stockShown(api, shop.product.id, 48)
      const pendingAfter = await pendingEventWork(redis)
      redis.disconnect()

      const catalogInStep = await readModelInStep
      await waitForIdleEventQueue(3_000_000)
      const t2 = Date.now()
      const n = await inCatalog()
      process.stdout.write(
        `BURST N=${N} import=${t1 - t0}ms readModelInStepAfterImport=${catalogInStep.ms}ms ` +
          `queuesIdleAfterImport=${t2 - t1}ms total=${t2 - t0}ms inCatalog=${n}\n` +
          `CHECKOUT during the burst: answered in ${checkoutMs}ms; event work pending before ` +
          `${pendingAtCheckout}, after the reads ${pendingAfter}; the new stock shown by the ` +
          `product on read ${shown.product.reads}, ${shown.product.ms}ms after the answer, ` +
          `by the list on read ${shown.list.reads}, ${shown.list.ms}ms after the answer\n`
      )
      expect(n).toBe(N)
    })
  },
})
