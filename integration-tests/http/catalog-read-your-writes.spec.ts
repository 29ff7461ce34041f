import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { IEventBusModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { AxiosInstance } from "axios"
import { CATALOG_MODULE } from "../../src/modules/catalog"
import type CatalogModuleService from "../../src/modules/catalog/service"
import { ORDER_LIFECYCLE_MODULE } from "../../src/modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../src/modules/order-lifecycle/service"
import { buildCatalogRows } from "../../src/queries/catalog/build-rows"
import { expireOrderHolds } from "../../src/tasks/order/expire-holds"
import {
  addAndCheckout,
  createShop,
  stockOf,
  useTestRedis,
  waitFor,
  waitForIdleEventQueue,
  type CatalogProduct,
  type Shop,
} from "../helpers"

// As in production: Redis event bus (subscribers in its worker, not in the request), Redis
// cache level and generation. The catalog's event path then follows a write only after the
// answer (a 50 ms batch window, then a sync), so every read below, made right after the
// write's answer with no wait, sees the new stock only if the write path put it there.
useTestRedis()

jest.setTimeout(180_000)

type Listed = { items: CatalogProduct[] }

/** The product as GET /products/{id} and as listed by GET /products, read at once. */
async function shown(api: AxiosInstance, id: string) {
  const [one, list] = await Promise.all([
    api.get(`/products/${id}`),
    api.get("/products?limit=100"),
  ])
  const listed = (list.data as Listed).items.find((item) => item.id === id)
  return {
    product: { stock_quantity: one.data.stock_quantity, in_stock: one.data.in_stock },
    listed: { stock_quantity: listed?.stock_quantity, in_stock: listed?.in_stock },
  }
}

function showing(stock: number) {
  const expected = { stock_quantity: stock, in_stock: stock > 0 }
  return { product: expected, listed: expected }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    let lamp: CatalogProduct

    beforeEach(async () => {
      shop = await createShop(getContainer(), api, {
        name: "Desk Lamp",
        price: "19.99",
        stock_quantity: 10,
      })
      lamp = shop.product
      // Both reads are cached before each write: the write must clear them too.
      expect(await shown(api, lamp.id)).toEqual(showing(10))
    })

    it("shows a checkout's reservation on the next read", async () => {
      const checkout = await addAndCheckout(api, shop.alice, lamp.id, 3)
      expect(checkout.status).toBe(201)
      expect(await shown(api, lamp.id)).toEqual(showing(7))

      // A checkout that takes the last units: out of stock at once.
      const rest = await addAndCheckout(api, shop.bob, lamp.id, 7)
      expect(rest.status).toBe(201)
      expect(await shown(api, lamp.id)).toEqual(showing(0))
      expect(await stockOf(getContainer(), lamp.id)).toMatchObject({ reserved: 10, available: 0 })
    })

    it("alerts low stock once for a checkout's crossing, not again when its events sync", async () => {
      const eventBus = getContainer().resolve<IEventBusModuleService>(Modules.EVENT_BUS)
      const received: { product_id: string; stock_quantity: number }[] = []
      eventBus.subscribe("catalog.stock_low", async (event) => {
        received.push((event as { data: { product_id: string; stock_quantity: number } }).data)
      })
      // 10 → 4 crosses the threshold (5) in the checkout's own catalog write.
      expect((await addAndCheckout(api, shop.alice, lamp.id, 6)).status).toBe(201)
      expect(await shown(api, lamp.id)).toEqual(showing(4))
      await waitFor(() => received.some((event) => event.product_id === lamp.id))
      // The checkout's inventory events re-sync the product afterwards: the same stock,
      // no second crossing.
      await waitForIdleEventQueue()
      expect(received.filter((event) => event.product_id === lamp.id)).toEqual([
        expect.objectContaining({ product_id: lamp.id, stock_quantity: 4 }),
      ])
    })

    it("shows the stock a cancelled order released on the next read", async () => {
      const checkout = await addAndCheckout(api, shop.alice, lamp.id, 4)
      expect(await shown(api, lamp.id)).toEqual(showing(6))

      const cancelled = await api.delete(`/orders/${checkout.data.order.id}`, {
        headers: shop.alice.headers,
      })
      expect(cancelled.status).toBe(200)
      expect(cancelled.data.status).toBe("cancelled")
      expect(await shown(api, lamp.id)).toEqual(showing(10))
    })

    it("shows the stock an expired hold released once the expiry job has run", async () => {
      const checkout = await addAndCheckout(api, shop.alice, lamp.id, 2)
      expect(await shown(api, lamp.id)).toEqual(showing(8))
      const container = getContainer()
      const lifecycles = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
      const [lifecycle] = await lifecycles.listOrderLifecycles({
        order_id: checkout.data.order.id,
      })
      await lifecycles.updateOrderLifecycles({
        id: lifecycle.id,
        hold_expires_at: new Date(Date.now() - 1000),
      })

      expect(await expireOrderHolds(container)).toEqual({
        cancelled: [checkout.data.order.id],
        skipped: [],
      })
      expect(await shown(api, lamp.id)).toEqual(showing(10))
    })

    it("shows an admin's stock and price edits on the next read", async () => {
      const admin = { headers: shop.admin.headers }
      const set = await api.put(`/products/${lamp.id}`, { stock_quantity: 25 }, admin)
      expect(set.status).toBe(200)
      expect(await shown(api, lamp.id)).toEqual(showing(25))

      const adjusted = await api.put(`/products/${lamp.id}`, { stock_adjustment: -5 }, admin)
      expect(adjusted.status).toBe(200)
      expect(await shown(api, lamp.id)).toEqual(showing(20))

      const repriced = await api.put(`/products/${lamp.id}`, { price: "24.50" }, admin)
      expect(repriced.status).toBe(200)
      const [one, list] = await Promise.all([
        api.get(`/products/${lamp.id}`),
        api.get("/products?limit=100&min_price=24.50"),
      ])
      expect(one.data.price).toBe("24.50")
      expect((list.data as Listed).items.map((item) => item.id)).toEqual([lamp.id])
    })

    it("keeps a newer stock when a sync that read before it lands later", async () => {
      const container = getContainer()
      const catalog = container.resolve<CatalogModuleService>(CATALOG_MODULE)
      // The product's own events have been synced: nothing else writes its row below.
      await waitForIdleEventQueue()
      // A sync numbers itself and reads Medusa (10 units, and a rename it saw)…
      const version = await catalog.nextSyncVersion()
      const { rows } = await buildCatalogRows(container, [lamp.id])
      expect(rows[0].stock_quantity).toBe(10)
      const renamed = {
        ...rows[0],
        name: "Desk Lamp Pro",
        view: { ...rows[0].view, name: "Desk Lamp Pro" },
      }
      // …then a workflow numbers itself, reads 3 units and writes them…
      const later = await catalog.nextSyncVersion()
      const stock = { id: lamp.id, variant_id: rows[0].variant_id as string }
      expect(
        await catalog.writeStock([{ ...stock, stock_quantity: 3, in_stock: true }], later)
      ).toEqual([
        {
          id: lamp.id,
          stock_quantity: 3,
          previous_stock: 10,
          is_active: true,
          existed: true,
          content_changed: false,
        },
      ])
      // …and the sync lands last: its other columns are written, the stock stays newer.
      await catalog.writeRows([renamed], [], version)
      const [row] = await catalog.findRows([lamp.id])
      expect(row.row).toMatchObject({ name: "Desk Lamp Pro", stock_quantity: 3, in_stock: true })
      expect(row.row.view).toMatchObject({ name: "Desk Lamp Pro", stock_quantity: 3 })

      // An older stock write changes nothing; another variant's stock is not this row's.
      expect(
        await catalog.writeStock([{ ...stock, stock_quantity: 9, in_stock: true }], version)
      ).toEqual([])
      const newest = await catalog.nextSyncVersion()
      expect(
        await catalog.writeStock(
          [{ id: lamp.id, variant_id: "variant_other", stock_quantity: 9, in_stock: true }],
          newest
        )
      ).toEqual([])
      const [after] = await catalog.findRows([lamp.id])
      expect(after.stock_quantity).toBe(3)
    })
  },
})
