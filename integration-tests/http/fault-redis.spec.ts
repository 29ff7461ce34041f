import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { IEventBusModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { AxiosInstance, AxiosResponse } from "axios"
import { PLATFORM_MODULE } from "../../src/modules/platform"
import { findOpenCartId } from "../../src/queries/order/open-cart"
import type PlatformModuleService from "../../src/modules/platform/service"
import {
  TcpProxy,
  createShop,
  createShoppers,
  stockOf,
  TEST_ADDRESS,
  useTestRedis,
  waitFor,
  type Shop,
  type Shopper,
} from "../helpers"

// Fault injection (docs/SECURITY.md, "Fault suite"): the app reaches Redis through a relay
// this spec cuts while requests are running, then restores without restarting anything.
const redisTarget = new URL(useTestRedis())
const relay = new TcpProxy({ host: redisTarget.hostname, port: Number(redisTarget.port || 6379) })
// Retries a few hundred milliseconds apart, so the thrown-handler test does not wait long.
process.env.EVENT_BUS_RETRY_DELAY_MS = "200"

beforeAll(async () => {
  const port = await relay.start()
  process.env.REDIS_URL = `redis://127.0.0.1:${port}${redisTarget.pathname}`
})

afterAll(async () => {
  await relay.stop()
})

const anyStatus = { validateStatus: () => true }

/** Cuts Redis until /ready reports it down: what every request then sees. */
async function cutRedis(api: AxiosInstance): Promise<void> {
  await relay.stop()
  await waitFor(async () => (await api.get("/ready", anyStatus)).status === 503, 15_000)
}

async function restoreRedis(api: AxiosInstance): Promise<void> {
  await relay.start()
  await waitFor(async () => (await api.get("/ready", anyStatus)).status === 200, 15_000)
}

function expectUnavailable(response: AxiosResponse, what: string): void {
  expect({ what, status: response.status }).toEqual({ what, status: 503 })
  expect(response.data).toMatchObject({
    type: "service_unavailable",
    message: expect.stringContaining("Redis"),
  })
  expect(response.headers["retry-after"]).toBe("5")
}

async function ordersPlaced(container: MedusaContainer): Promise<number> {
  const counts = await container.resolve<PlatformModuleService>(PLATFORM_MODULE).businessCounts()
  return counts.find((count) => count.name === "orders_placed")?.value ?? 0
}

async function countOrders(container: MedusaContainer, customerIds: string[]): Promise<number> {
  const [, count] = await container
    .resolve(Modules.ORDER)
    .listAndCountOrders({ customer_id: customerIds }, { take: 1 })
  return count
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop

    // A failed test must not leave Redis cut for the next one (or the queue check after it).
    afterEach(async () => {
      if (!relay.running) {
        await relay.start()
      }
    })

    beforeEach(async () => {
      shop = await createShop(getContainer(), api, {
        name: "Fault lamp",
        price: "20.00",
        stock_quantity: 20,
      })
    })

    const addToCart = async (shopper: Shopper) => {
      const added = await api.post(
        "/cart/add",
        { product_id: shop.product.id, quantity: 1 },
        { headers: shopper.headers }
      )
      expect(added.status).toBe(200)
    }
    const checkout = (shopper: Shopper) =>
      api.post(
        "/cart/checkout",
        { shipping_address: TEST_ADDRESS },
        { headers: shopper.headers, ...anyStatus }
      )

    it("refuses writes with 503 while Redis is cut, keeps serving reads, and recovers without a restart", async () => {
      const container = getContainer()
      const { alice, admin, setup, product } = shop
      await addToCart(alice)
      const before = await stockOf(container, product.id)

      await cutRedis(api)
      try {
        // Reads: the catalog (cached or from the database), Medusa's store API, a token.
        const list = await api.get("/products", anyStatus)
        expect(list.status).toBe(200)
        expect(list.data.items.map((item: { id: string }) => item.id)).toContain(product.id)
        expect((await api.get(`/products/${product.id}`, anyStatus)).status).toBe(200)
        const store = await api.get("/store/products", {
          headers: setup.storeHeaders,
          ...anyStatus,
        })
        expect(store.status).toBe(200)
        const me = await api.get("/auth/me", { headers: alice.headers, ...anyStatus })
        expect(me.status).toBe(200)

        // Writes: the engine's and Medusa's, refused before anything runs.
        expectUnavailable(await checkout(alice), "POST /cart/checkout")
        expectUnavailable(
          await api.post(
            "/products",
            { name: "Not now", price: "1.00" },
            { headers: admin.headers, ...anyStatus }
          ),
          "POST /products"
        )
        expectUnavailable(
          await api.post("/store/carts", {}, { headers: setup.storeHeaders, ...anyStatus }),
          "POST /store/carts"
        )
        const unchanged = await api.get("/products", anyStatus)
        expect(unchanged.data.items).toHaveLength(list.data.items.length)
      } finally {
        await restoreRedis(api)
      }

      // Nothing was ordered or reserved while Redis was cut; the same request works now.
      expect(await countOrders(container, [alice.id])).toBe(0)
      expect(await stockOf(container, product.id)).toEqual(before)
      const placed = await checkout(alice)
      expect(placed.status).toBe(201)
      await waitFor(
        async () => (await stockOf(container, product.id)).available === before.available - 1
      )
    })

    it("cut mid-traffic: every write succeeds or is a 503, and every placed order's events are handled once", async () => {
      const container = getContainer()
      const shoppers = await createShoppers(container, 8)
      await Promise.all(shoppers.map(addToCart))
      const placedBefore = await ordersPlaced(container)

      // Checkouts in flight when Redis goes away, and more once it is known to be away.
      // Requests already past the gate wait for Redis (Medusa's event bus retries without
      // end) and finish when it is back; none may fail with a 500.
      const first = shoppers.slice(0, 4).map(checkout)
      await new Promise((resolve) => setTimeout(resolve, 150))
      await cutRedis(api)
      const second = await Promise.all(shoppers.slice(4).map(checkout))
      await relay.start()
      const responses = [...(await Promise.all(first)), ...second]
      await waitFor(async () => (await api.get("/ready", anyStatus)).status === 200, 15_000)
      expect(second.map((response) => response.status)).toEqual([503, 503, 503, 503])

      const statuses = responses.map((response) => response.status)
      // Shown whole when it fails: which answer it was, and why.
      const unexpected = responses
        .filter((response) => response.status !== 201 && response.status !== 503)
        .map((response) => ({ status: response.status, body: response.data }))
      expect(unexpected).toEqual([])
      for (const response of responses.filter((r) => r.status === 503)) {
        expect(response.data.type).toBe("service_unavailable")
      }
      const succeeded = statuses.filter((status) => status === 201).length

      // Exactly the successful checkouts became orders; each order.placed was handled once
      // (the business counter would show a lost or a repeated event), and the catalog's
      // stock converges to Medusa's.
      const ids = shoppers.map((shopper) => shopper.id)
      expect(await countOrders(container, ids)).toBe(succeeded)
      await waitFor(async () => (await ordersPlaced(container)) >= placedBefore + succeeded)
      // A repeated event would arrive after the first: give the queue a moment to drain.
      await waitFor(async () => {
        const stock = await stockOf(container, shop.product.id)
        const { data } = await api.get(`/products/${shop.product.id}`)
        return stock.available === 20 - succeeded && data.stock_quantity === stock.available
      })
      expect(await ordersPlaced(container)).toBe(placedBefore + succeeded)

      // The refused shoppers' carts are intact: their checkout goes through now.
      const refused = shoppers.filter((_, index) => statuses[index] === 503)
      for (const shopper of refused) {
        const retried = await checkout(shopper)
        expect({ status: retried.status, body: retried.data }).toEqual({
          status: 201,
          body: expect.anything(),
        })
      }
      expect(await countOrders(container, ids)).toBe(shoppers.length)
    })

    // Redis ran a lock's acquisition but the reply was lost with the connection: ioredis
    // sends it again on reconnect, and it must find the key its own (src/modules/locking-redis)
    // rather than wait on itself for the lock's 30 s time-out (a 409), leaving the key held.
    // Each of the two locks a checkout takes, by the key in the acquisition's command.
    it.each([
      [
        "the inventory item's, taken with locking.execute",
        async (container: MedusaContainer) =>
          (await stockOf(container, shop.product.id)).inventoryItemId,
      ],
      [
        "the cart's, taken with acquireLockStep",
        async (container: MedusaContainer) =>
          (await findOpenCartId(container, shop.alice.id)) as string,
      ],
    ])("a checkout whose lock's reply is lost is placed without waiting: %s", async (_, keyOf) => {
      const container = getContainer()
      await addToCart(shop.alice)
      // Redis knows the script afterwards, so the lost reply is the acquisition's own (a
      // first EVALSHA would be refused and sent again as EVAL).
      await container
        .resolve(Modules.LOCKING)
        .execute(`fault-warm-up-${Date.now()}`, async () => {})

      let lost = false
      void relay.dropReplyTo(`medusa_lock:${await keyOf(container)}`).then(() => (lost = true))
      const started = Date.now()
      const placed = await checkout(shop.alice)
      const elapsed = Date.now() - started
      expect(lost).toBe(true)
      expect({ status: placed.status, body: placed.data }).toEqual({
        status: 201,
        body: expect.anything(),
      })
      expect(elapsed).toBeLessThan(10_000)
    })

    it("retries an event handler that throws, without repeating the handlers that succeeded", async () => {
      const eventBus = getContainer().resolve<IEventBusModuleService>(Modules.EVENT_BUS)
      const event = `fault.test-${Date.now()}`
      const calls = { flaky: 0, steady: 0 }
      eventBus.subscribe(
        event,
        async () => {
          calls.flaky++
          if (calls.flaky < 3) {
            throw new Error("a handler failing twice (a deadlock, a restarting database)")
          }
        },
        { subscriberId: "fault-test-flaky" }
      )
      eventBus.subscribe(
        event,
        async () => {
          calls.steady++
        },
        { subscriberId: "fault-test-steady" }
      )

      await eventBus.emit({ name: event, data: { id: "x" } })

      await waitFor(() => calls.flaky === 3)
      // Medusa keeps completed subscribers on the job: the steady one ran once.
      expect(calls).toEqual({ flaky: 3, steady: 1 })
    })
  },
})
