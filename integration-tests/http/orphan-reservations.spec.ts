import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { IInventoryService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { sweepOrphanReservations } from "../../src/tasks/order/sweep-orphan-reservations"
import { CART_LINE_KEY } from "../../src/utils/order/checkout-cart"
import { createShop, waitFor, type Shop } from "../helpers"

jest.setTimeout(180_000)

const STOCK = 5
const GRACE_MINUTES = 30

// A checkout that crashed between reserving its stock and attaching the reservations to
// its order lines leaves reservations no order will release: the sweeper gives them back.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop

    beforeEach(async () => {
      shop = await createShop(getContainer(), api, {
        name: "Desk Lamp",
        price: "19.99",
        stock_quantity: STOCK,
      })
    })

    async function inventoryItemId(container: MedusaContainer): Promise<string> {
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "product",
        fields: ["variants.inventory_items.inventory_item_id"],
        filters: { id: shop.product.id },
      })
      const product = data[0] as {
        variants: { inventory_items: { inventory_item_id: string }[] }[]
      }
      return product.variants[0].inventory_items[0].inventory_item_id
    }

    async function reserved(inventory: IInventoryService, itemId: string): Promise<number> {
      const [level] = await inventory.listInventoryLevels({
        inventory_item_id: itemId,
        location_id: shop.setup.stockLocationId,
      })
      return MathBN.convert(level.reserved_quantity).toNumber()
    }

    it("deletes old checkout reservations without an order line and gives the stock back", async () => {
      const container = getContainer()
      const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
      const itemId = await inventoryItemId(container)
      const reservation = (quantity: number, extra: Record<string, unknown>) => ({
        inventory_item_id: itemId,
        location_id: shop.setup.stockLocationId,
        quantity,
        ...extra,
      })
      const [orphan, manual, attached] = await inventory.createReservationItems([
        reservation(2, { metadata: { [CART_LINE_KEY]: "cali_crashed" } }),
        reservation(1, { description: "Held by hand in the dashboard" }),
        reservation(1, { metadata: { [CART_LINE_KEY]: "cali_done" }, line_item_id: "ordli_x" }),
      ])
      expect(await reserved(inventory, itemId)).toBe(4)

      // Within the grace period a checkout may still be running: nothing is touched.
      expect(await sweepOrphanReservations(container, new Date(), GRACE_MINUTES)).toEqual([])
      expect(await reserved(inventory, itemId)).toBe(4)

      const later = new Date(Date.now() + (GRACE_MINUTES + 1) * 60_000)
      expect(await sweepOrphanReservations(container, later, GRACE_MINUTES)).toEqual([orphan.id])
      expect(await reserved(inventory, itemId)).toBe(2)
      const left = await inventory.listReservationItems({ inventory_item_id: itemId })
      expect(left.map((r) => r.id).sort()).toEqual([manual.id, attached.id].sort())

      // The catalog shows the stock back (available = stocked - reserved).
      let shown: unknown
      await waitFor(async () => {
        shown = (await api.get(`/products/${shop.product.id}`)).data.stock_quantity
        return shown === STOCK - 2
      }, 15_000).catch(() => {
        throw new Error(`GET /products/:id stock_quantity is ${shown}, expected ${STOCK - 2}`)
      })

      // A second run finds nothing more.
      expect(await sweepOrphanReservations(container, later, GRACE_MINUTES)).toEqual([])
    })
  },
})
