import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosInstance } from "axios"
import {
  addAndCheckout,
  createShop,
  startServerInstance,
  TEST_ADDRESS,
  useTestRedis,
  type CatalogProduct,
  type ServerInstance,
  type Shop,
} from "../helpers"

// The write lane across real processes (docs/OPERATIONS.md, "Processes"): a front server
// process (a second app, started as `npm start` starts one with CLUSTER_WRITERS) sends
// every request that changes something to the test's app, its writer. Only the writer
// counts SQL statements, so the X-SQL-Statements header says which process answered.
const redisUrl = useTestRedis()
process.env.SQL_STATEMENT_COUNTER = "true"

jest.setTimeout(240_000)

const anyStatus = { validateStatus: () => true }

async function stockShown(api: AxiosInstance, id: string) {
  const [one, list] = await Promise.all([
    api.get(`/products/${id}`),
    api.get("/products?limit=100"),
  ])
  const listed = (list.data as { items: CatalogProduct[] }).items.find((item) => item.id === id)
  return [one.data.stock_quantity, listed?.stock_quantity]
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let front: ServerInstance | undefined

    afterEach(async () => {
      await front?.stop()
      front = undefined
    })

    it("answers reads in the front, writes in the writer, and the front's reads show the writes at once", async () => {
      const shop: Shop = await createShop(getContainer(), api, {
        name: "Desk Lamp",
        price: "19.99",
        stock_quantity: 10,
      })
      const writerUrl = String(api.defaults.baseURL).replace("localhost", "127.0.0.1")
      front = await startServerInstance(dbConfig.clientUrl, redisUrl, {
        WRITE_LANE_URL: writerUrl,
        SQL_STATEMENT_COUNTER: "false",
        // The front trusts a local proxy's X-Forwarded-*; the writer (the test's app) trusts none.
        TRUST_PROXY: "loopback",
      })
      const shopApi = front.api

      // A read: the front answers (no statement count), and caches the product.
      const read = await shopApi.get(`/products/${shop.product.id}`)
      expect(read.status).toBe(200)
      expect(read.headers["x-sql-statements"]).toBeUndefined()
      expect(await stockShown(shopApi, shop.product.id)).toEqual([10, 10])

      // A write through the front: the writer answers it, for the client the front saw (here
      // one behind an HTTPS proxy: the writer's answer carries HSTS, which it sends only
      // over HTTPS, though its own connection is plain HTTP from the front).
      const added = await shopApi.post(
        "/cart/add",
        { product_id: shop.product.id, quantity: 3 },
        { headers: { ...shop.alice.headers, "x-forwarded-proto": "https" }, ...anyStatus }
      )
      expect(added.status).toBe(200)
      expect(Number(added.headers["x-sql-statements"])).toBeGreaterThan(0)
      expect(added.headers["strict-transport-security"]).toEqual(expect.any(String))
      // The same header sent to the writer directly proves nothing: it trusts no proxy.
      const direct = await api.post(
        "/cart/add",
        { product_id: shop.product.id, quantity: 0 },
        {
          headers: { ...shop.alice.headers, "x-forwarded-proto": "https" },
          ...anyStatus,
        }
      )
      expect(direct.headers["strict-transport-security"]).toBeUndefined()
      // The front's next read of the cart shows it.
      const cart = await shopApi.get("/cart", { headers: shop.alice.headers })
      expect(cart.headers["x-sql-statements"]).toBeUndefined()
      expect(cart.data.items).toEqual([
        expect.objectContaining({ product_id: shop.product.id, quantity: 3 }),
      ])

      // A checkout in the writer: the front's cached product shows its reservation at once.
      const placed = await shopApi.post(
        "/cart/checkout",
        { shipping_address: TEST_ADDRESS },
        { headers: shop.alice.headers, ...anyStatus }
      )
      expect(placed.status).toBe(201)
      expect(Number(placed.headers["x-sql-statements"])).toBeGreaterThan(0)
      expect(await stockShown(shopApi, shop.product.id)).toEqual([7, 7])
      const order = await shopApi.get(`/orders/${placed.data.order.id}`, {
        headers: shop.alice.headers,
      })
      expect(order.data.id).toBe(placed.data.order.id)

      // Bad input through the lane: refused in the shared shape, and nothing changes.
      const broken = await shopApi.post("/cart/add", '{"product_id":', {
        headers: { ...shop.bob.headers, "content-type": "application/json" },
        ...anyStatus,
      })
      expect(broken.status).toBe(400)
      expect(broken.data).toMatchObject({ type: "invalid_data", message: expect.any(String) })
      const bobCart = await shopApi.get("/cart", { headers: shop.bob.headers, ...anyStatus })
      expect(bobCart.data.items ?? []).toEqual([])

      // Another shopper's writes through the test's app directly still land as before.
      expect((await addAndCheckout(api, shop.bob, shop.product.id, 2)).status).toBe(201)
      expect(await stockShown(shopApi, shop.product.id)).toEqual([5, 5])
    })
  },
})
