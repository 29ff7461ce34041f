import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "knex"
import {
  createCatalogProduct,
  createShop,
  stockOf,
  useTestRedis,
  waitFor,
  waitForIdleEventQueue,
} from "../helpers"

// Level updates reach the subscriber through Medusa's Redis event bus, several at once
// (EVENT_BUS_CONCURRENCY), as in production.
useTestRedis()

jest.setTimeout(120_000)

type StockRow = { id: string; stock_quantity: number | null; stock_version: string }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("refreshes the stock of a checkout's lines in one refresh, not one per level update", async () => {
      const container = getContainer()
      const shop = await createShop(container, api, {
        name: "Desk Lamp",
        price: "19.99",
        stock_quantity: 10,
      })
      const mouse = await createCatalogProduct(api, shop.admin.headers, {
        name: "Wireless Mouse",
        price: "9.99",
        stock_quantity: 10,
      })
      const lamp = shop.product.id
      await waitForIdleEventQueue()

      const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
      const rows = async (): Promise<Map<string, StockRow>> => {
        const found: StockRow[] = await db("catalog_product")
          .whereIn("id", [lamp, mouse.id])
          .select("id", "stock_quantity", "stock_version")
        return new Map(found.map((row) => [row.id, row]))
      }
      const numbersTaken = async (): Promise<bigint> => {
        const [{ last_value }] = (await db.raw("select last_value from catalog_sync_version_seq"))
          .rows as { last_value: string }[]
        return BigInt(last_value)
      }
      const before = await rows()
      expect([before.get(lamp)?.stock_quantity, before.get(mouse.id)?.stock_quantity]).toEqual([
        10, 10,
      ])
      const numberBefore = await numbersTaken()

      // A checkout's reservation, as Medusa's cart completion and the engine's
      // reserveStockStep make it: one call for the cart's lines, which updates one inventory
      // level per line and so emits one `inventory.inventory-level.updated` per line, within
      // milliseconds of each other. Nothing else writes the catalog's stock here (no engine
      // workflow runs): only the subscriber's refresh can.
      const [lampItem, mouseItem] = await Promise.all([
        stockOf(container, lamp),
        stockOf(container, mouse.id),
      ])
      await container.resolve(Modules.INVENTORY).createReservationItems([
        {
          inventory_item_id: lampItem.inventoryItemId,
          location_id: shop.setup.stockLocationId,
          quantity: 2,
        },
        {
          inventory_item_id: mouseItem.inventoryItemId,
          location_id: shop.setup.stockLocationId,
          quantity: 3,
        },
      ])

      await waitFor(async () => {
        const now = await rows()
        return now.get(lamp)?.stock_quantity === 8 && now.get(mouse.id)?.stock_quantity === 7
      })
      await waitForIdleEventQueue()
      const after = await rows()

      // Each refresh (refreshProductStockWorkflow) takes one number from the catalog's sync
      // sequence before it reads (readCatalogStockStep) and writes it as the stock_version of
      // the rows it refreshed. One number on both rows: both lines were refreshed by the same
      // run. One refresh each would have left two different numbers.
      const versions = [after.get(lamp)!.stock_version, after.get(mouse.id)!.stock_version]
      expect(versions[0]).toBe(versions[1])
      expect(BigInt(versions[0])).toBeGreaterThan(BigInt(before.get(lamp)!.stock_version))
      // …and that run was the only one: a single number was taken since the reservation.
      expect((await numbersTaken()) - numberBefore).toBe(1n)
      expect(BigInt(versions[0])).toBe(numberBefore + 1n)
    })
  },
})
