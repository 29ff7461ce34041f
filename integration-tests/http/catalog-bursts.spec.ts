import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import type { Knex } from "knex"
import { CATALOG_MODULE } from "../../src/modules/catalog"
import type CatalogModuleService from "../../src/modules/catalog/service"
import { PLATFORM_MODULE } from "../../src/modules/platform"
import { CATALOG_SYNC_KEYS } from "../../src/modules/platform/catalog-sync-queue"
import type PlatformModuleService from "../../src/modules/platform/service"
import { requestCatalogSync } from "../../src/tasks/catalog/sync-batcher"
import {
  addAndCheckout,
  createShop,
  importedProducts,
  pendingEventWork,
  stockOf,
  useTestRedis,
  waitFor,
  waitForIdleEventQueue,
  type Shop,
} from "../helpers"

// The catalog's shared sync queue lives in Redis (src/modules/platform/catalog-sync-queue.ts).
useTestRedis()
const METRICS_TOKEN = "catalog-bursts-metrics-token"
process.env.METRICS_TOKEN = METRICS_TOKEN

jest.setTimeout(180_000)

type CatalogItem = { id: string; stock_quantity: number | null }

const metricsAuth = { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    const platform = () => getContainer().resolve<PlatformModuleService>(PLATFORM_MODULE)

    beforeEach(async () => {
      shop = await createShop(getContainer(), api, {
        name: "Desk Lamp",
        price: "19.99",
        stock_quantity: 10,
      })
    })

    afterEach(async () => {
      // Whatever a test left queued is not waited for.
      await platform().redis()?.del(CATALOG_SYNC_KEYS.bulk, CATALOG_SYNC_KEYS.stock)
    })

    it("brings an import made through Medusa's workflows into the catalog", async () => {
      const titles = Array.from({ length: 40 }, (_, index) => `Imported ${index}`)
      await createProductsWorkflow(getContainer()).run({
        input: {
          products: titles.map((title) => ({
            title,
            status: ProductStatus.PUBLISHED,
            options: [{ title: "Default", values: ["Default"] }],
            variants: [
              {
                title: "Default",
                options: { Default: "Default" },
                prices: [{ amount: 10, currency_code: "usd" }],
              },
            ],
          })),
        },
      })
      // Each product's events (product, variant, price…) joined one queue entry per product.
      await waitForIdleEventQueue(60_000)
      const { data } = await api.get("/products/search?q=imported&limit=100")
      expect(data.count).toBe(40)
      const stats = await platform().catalogSyncStats()
      expect(stats).toMatchObject({ pending: 0, active: 0 })
    })

    it("syncs a stock change ahead of a bulk backlog, and reports the queue on /metrics", async () => {
      const container = getContainer()
      await waitForIdleEventQueue()
      // A bulk import's backlog: 20,000 products waiting (unknown ids: each batch of them
      // is a sync that finds nothing and removes nothing).
      const backlog = Array.from({ length: 20_000 }, (_, index) => `prod_backlog_${index}`)
      for (let start = 0; start < backlog.length; start += 5_000) {
        await platform().enqueueCatalogSync(backlog.slice(start, start + 5_000), "bulk")
      }
      await requestCatalogSync(container, [shop.product.id], "bulk")

      const metrics = await api.get("/metrics", metricsAuth)
      expect(metrics.data).toMatch(/shop_catalog_sync_pending\{lane="bulk"\} [1-9]\d*/)
      expect(metrics.data).toMatch(/shop_catalog_sync_lag_seconds \d/)

      // A stock change made outside the engine (Medusa's inventory module, as its
      // dashboard does): its event goes to the stock lane.
      const { inventoryItemId } = await stockOf(container, shop.product.id)
      await container.resolve(Modules.INVENTORY).updateInventoryLevels([
        {
          inventory_item_id: inventoryItemId,
          location_id: shop.setup.stockLocationId,
          stocked_quantity: 33,
        },
      ])
      await waitFor(
        async () => (await api.get(`/products/${shop.product.id}`)).data.stock_quantity === 33
      )
      // Shown while most of the backlog still waits.
      const stats = await platform().catalogSyncStats()
      expect(stats!.pending - stats!.pending_stock).toBeGreaterThan(10_000)
    })

    it("brings in, with its stock, a product whose row is not made yet when its level moves", async () => {
      const container = getContainer()
      const lamp = shop.product.id
      await waitForIdleEventQueue()
      // The lamp's row is gone, as when the sync that makes a new product's row is still
      // queued behind an import: a level's update then finds no row to refresh the stock of.
      await container.resolve<CatalogModuleService>(CATALOG_MODULE).deleteCatalogProducts(lamp)
      await platform().invalidateCatalogCache()
      expect((await api.get(`/products/${lamp}`, { validateStatus: () => true })).status).toBe(404)
      const backlog = Array.from({ length: 5_000 }, (_, index) => `prod_missing_${index}`)
      await platform().enqueueCatalogSync(backlog, "bulk")

      const { inventoryItemId } = await stockOf(container, lamp)
      await container.resolve(Modules.INVENTORY).updateInventoryLevels([
        {
          inventory_item_id: inventoryItemId,
          location_id: shop.setup.stockLocationId,
          stocked_quantity: 21,
        },
      ])
      // Rebuilt from the stock lane, ahead of the backlog.
      await waitFor(async () => {
        const response = await api.get(`/products/${lamp}`, { validateStatus: () => true })
        return response.status === 200 && response.data.stock_quantity === 21
      })
      expect((await platform().catalogSyncStats())!.pending).toBeGreaterThan(1_000)
    })

    it("queues a product whose stock refresh failed, and shows its stock once writes succeed again", async () => {
      const container = getContainer()
      const lamp = shop.product.id
      const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
      const storedStock = async () =>
        (await db("catalog_product").where({ id: lamp }).first("stock_quantity")).stock_quantity
      await waitForIdleEventQueue()
      expect(await storedStock()).toBe(10)

      // The database refuses every update of a catalog row, as during an outage: the
      // refresh's stock write fails, and so does each retry of the queued sync until then.
      const redis = platform().redis()!
      try {
        await db.raw(`
          create function catalog_bursts_refuse_update() returns trigger language plpgsql as $$
          begin raise exception 'catalog_product % refuses updates (test)', old.id; end $$`)
        await db.raw(`
          create trigger catalog_bursts_refuse_update before update on catalog_product
          for each row execute function catalog_bursts_refuse_update()`)
        const { inventoryItemId } = await stockOf(container, lamp)
        await container.resolve(Modules.INVENTORY).updateInventoryLevels([
          {
            inventory_item_id: inventoryItemId,
            location_id: shop.setup.stockLocationId,
            stocked_quantity: 21,
          },
        ])
        // Kept in the catalog's own sync queue (Redis), whose retries outlast an outage,
        // while the row still shows the old stock.
        await waitFor(async () => (await redis.zscore(CATALOG_SYNC_KEYS.stock, lamp)) !== null)
        expect(await storedStock()).toBe(10)
      } finally {
        await db.raw("drop trigger if exists catalog_bursts_refuse_update on catalog_product")
        await db.raw("drop function if exists catalog_bursts_refuse_update()")
      }

      // The queue's next retry (every 5 s) rebuilds the row with the level's stock.
      await waitFor(async () => (await storedStock()) === 21)
      await waitFor(async () => (await api.get(`/products/${lamp}`)).data.stock_quantity === 21)
      expect(await redis.zscore(CATALOG_SYNC_KEYS.stock, lamp)).toBeNull()
    })

    it("shows a checkout's stock on the next read while an import's events are worked off", async () => {
      const container = getContainer()
      const lamp = shop.product.id
      await waitForIdleEventQueue()
      // Both reads cached before the burst: the checkout must clear them too.
      const listed = async () =>
        ((await api.get("/products?sort=price_desc&limit=5")).data.items as CatalogItem[]).find(
          (item) => item.id === lamp
        )?.stock_quantity
      expect((await api.get(`/products/${lamp}`)).data.stock_quantity).toBe(10)
      expect(await listed()).toBe(10)

      // The burst: an import's events in Medusa's event queue, and the catalog's sync queue
      // far behind (20,000 products waiting: unknown ids, each batch a sync that finds none).
      const backlog = Array.from({ length: 20_000 }, (_, index) => `prod_burst_${index}`)
      for (let start = 0; start < backlog.length; start += 5_000) {
        await platform().enqueueCatalogSync(backlog.slice(start, start + 5_000), "bulk")
      }
      await createProductsWorkflow(container).run({
        input: { products: importedProducts("Burst import", 100) },
      })

      const checkout = await addAndCheckout(api, shop.alice, lamp, 3)
      expect(checkout.status).toBe(201)
      // Read at once, no waiting: the checkout wrote the stock before it answered.
      const [one, inList] = await Promise.all([api.get(`/products/${lamp}`), listed()])
      expect({ product: one.data.stock_quantity, listed: inList }).toEqual({
        product: 7,
        listed: 7,
      })
      // …while the burst was still being worked off.
      const redis = platform().redis()!
      expect(await pendingEventWork(redis)).toBeGreaterThan(10_000)
      const stats = await platform().catalogSyncStats()
      expect(stats!.pending - stats!.pending_stock).toBeGreaterThan(10_000)

      // The import's own events are left to drain (the backlog is dropped).
      await redis.del(CATALOG_SYNC_KEYS.bulk, CATALOG_SYNC_KEYS.stock)
      await waitForIdleEventQueue(120_000)
    })
  },
})
