import { randomUUID } from "node:crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosInstance } from "axios"
import { ORDER_LIFECYCLE_MODULE } from "../../src/modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../src/modules/order-lifecycle/service"
import {
  createShop,
  registerAndLogin,
  startServerInstance,
  stockOf,
  TEST_ADDRESS,
  uniqueEmail,
  useTestRedis,
  waitFor,
  type ServerInstance,
  type Shop,
  type Shopper,
} from "../helpers"

// Two instances on one PostgreSQL and one Redis (docs/SECURITY.md, "Two-instance suite"):
// A is the runner's app, B a `medusa start` process on the same database and Redis. Every
// test acts on one and checks the other at once: nothing here waits for state to spread.
const redisUrl = useTestRedis()
// A small per-account budget for registration and reset requests, counted across both;
// the per-IP one stays out of the way of this file's sign-ins.
process.env.RATE_LIMIT_AUTH_POINTS = "3"
process.env.RATE_LIMIT_AUTH_IP_POINTS = "1000"

const anyStatus = { validateStatus: () => true }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let b: ServerInstance | undefined

    beforeAll(async () => {
      b = await startServerInstance(dbConfig.clientUrl, redisUrl)
    })

    afterAll(async () => {
      await b?.stop()
    })

    // The runner re-creates the database before each test, ending B's connections as
    // well as A's: B's pool replaces them, as after a database restart.
    beforeEach(async () => {
      await waitFor(async () => (await instanceB().get("/ready", anyStatus)).status === 200, 15_000)
    })

    function instanceB(): AxiosInstance {
      if (!b) {
        throw new Error("instance B did not start (see the beforeAll error)")
      }
      return b.api
    }

    describe("revocation", () => {
      it("a token logged out on one instance is refused by the other on the next request", async () => {
        for (const [here, there] of [
          [api, instanceB()],
          [instanceB(), api],
        ] as const) {
          const user = await registerAndLogin(here)
          const asUser = { headers: user.headers, ...anyStatus }
          expect((await there.get("/auth/me", asUser)).status).toBe(200)

          expect((await here.post("/auth/logout", {}, asUser)).status).toBe(204)

          expect((await there.get("/auth/me", asUser)).status).toBe(401)
          const refresh = await there.post(
            "/auth/refresh",
            { refresh_token: user.refresh_token },
            anyStatus
          )
          expect(refresh.status).toBe(401)
        }
      })
    })

    describe("rate limits", () => {
      it("counts requests to both instances against one budget", async () => {
        const email = uniqueEmail("limited")
        const statuses: number[] = []
        for (const target of [api, instanceB(), api, instanceB(), api]) {
          statuses.push((await target.post("/auth/forgot-password", { email }, anyStatus)).status)
        }
        // RATE_LIMIT_AUTH_POINTS=3 for one client and account, whichever instance answers.
        expect(statuses).toEqual([202, 202, 202, 429, 429])
      })
    })

    describe("with a shop", () => {
      let shop: Shop

      const add = (target: AxiosInstance, who: Shopper) =>
        target.post(
          "/cart/add",
          { product_id: shop.product.id, quantity: 1 },
          { headers: who.headers }
        )
      const checkout = (
        target: AxiosInstance,
        who: Shopper,
        headers: Record<string, string> = {}
      ) =>
        target.post(
          "/cart/checkout",
          { shipping_address: TEST_ADDRESS },
          { headers: { ...who.headers, ...headers }, ...anyStatus }
        )
      const ordersOf = (customerId: string) =>
        getContainer()
          .resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
          .listOrderLifecycles({ customer_id: customerId })

      async function openShop(stock: number): Promise<void> {
        shop = await createShop(getContainer(), api, {
          name: "Shared kettle",
          price: "40.00",
          stock_quantity: stock,
        })
      }

      it("idempotency: one key sent to both at once places one order, and both get it", async () => {
        await openShop(5)
        await add(api, shop.alice)
        const key = { "Idempotency-Key": `two-instances-${randomUUID()}` }

        const both = await Promise.all([
          checkout(api, shop.alice, key),
          checkout(instanceB(), shop.alice, key),
        ])
        const later = await checkout(instanceB(), shop.alice, key)

        const answers = [...both, later]
        expect(answers.map((response) => response.status)).toEqual([201, 201, 201])
        const orderIds = answers.map((response) => response.data.order.id)
        expect(new Set(orderIds).size).toBe(1)
        const replayed = answers.map((response) => response.headers["idempotent-replayed"])
        expect(replayed.filter((value) => value === "true")).toHaveLength(2)

        expect(await ordersOf(shop.alice.id)).toHaveLength(1)
        expect(await stockOf(getContainer(), shop.product.id)).toEqual(
          expect.objectContaining({ stocked: 5, reserved: 1, available: 4 })
        )
      })

      it("locks: the last unit checked out through both at once is sold once", async () => {
        await openShop(1)
        await add(api, shop.alice)
        await add(instanceB(), shop.bob)

        const [alices, bobs] = await Promise.all([
          checkout(api, shop.alice),
          checkout(instanceB(), shop.bob),
        ])

        const statuses = [alices.status, bobs.status]
        expect([...statuses].sort()).toEqual([201, 409])
        const refused = alices.status === 409 ? alices : bobs
        expect(refused.data).toEqual({
          type: "conflict",
          message: expect.stringMatching(/^Not enough stock for Shared kettle/),
        })
        const orders = [...(await ordersOf(shop.alice.id)), ...(await ordersOf(shop.bob.id))]
        expect(orders).toHaveLength(1)
        expect(await stockOf(getContainer(), shop.product.id)).toEqual(
          expect.objectContaining({ stocked: 1, reserved: 1, available: 0 })
        )
      })

      it("catalog cache: an edit through one is what the other serves next", async () => {
        await openShop(3)
        const path = `/products/${shop.product.id}`
        // B has the product cached (in its process and in Redis) before each edit.
        expect((await instanceB().get(path)).data.name).toBe("Shared kettle")
        for (let edit = 1; edit <= 5; edit++) {
          const name = `Shared kettle, edit ${edit}`
          const [writer, reader] = edit % 2 ? [api, instanceB()] : [instanceB(), api]
          expect((await reader.get(path)).status).toBe(200)
          const put = await writer.put(path, { name }, { headers: shop.admin.headers })
          expect(put.status).toBe(200)

          expect((await reader.get(path)).data.name).toBe(name)
        }
      })
    })
  },
})
