import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { IInventoryService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { sweepOrphanReservations } from "../../src/tasks/order/sweep-orphan-reservations"
import { CART_LINE_KEY } from "../../src/utils/order/checkout-cart"
import { createShop, waitFor, type Shop } from "../helpers"

jest.setTimeout(180_000)

const STOCK = 5
const GRACE_MINUTES = 30

// A checkout that crashed between reserving its stock (each reservation names the order line
// the order will have) and writing its order leaves reservations no order will release: the
// sweeper gives them back.
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

    /** A real order line, as a finished checkout's reservation names it. */
    async function orderLineId(container: MedusaContainer): Promise<string> {
      const order = await container.resolve(Modules.ORDER).createOrders({
        currency_code: "usd",
        email: "done@example.test",
        items: [{ title: "Desk Lamp", quantity: 1, unit_price: 19.99 }],
      })
      return order.items![0].id
    }

    it("deletes old checkout reservations whose order line was never written and gives the stock back", async () => {
      const container = getContainer()
      const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
      const itemId = await inventoryItemId(container)
      const doneLine = await orderLineId(container)
      const reservation = (quantity: number, extra: Record<string, unknown>) => ({
        inventory_item_id: itemId,
        location_id: shop.setup.stockLocationId,
        quantity,
        ...extra,
      })
      const [orphan, unwritten, manual, attached] = await inventory.createReservationItems([
        // Made before reservations named their order line: no line at all.
        reservation(2, { metadata: { [CART_LINE_KEY]: "cali_crashed" } }),
        // Named the order line the crashed checkout never wrote.
        reservation(1, {
          metadata: { [CART_LINE_KEY]: "cali_crashed_later" },
          line_item_id: "ordli_never_written",
        }),
        reservation(1, { description: "Held by hand in the dashboard" }),
        reservation(1, { metadata: { [CART_LINE_KEY]: "cali_done" }, line_item_id: doneLine }),
      ])
      expect(await reserved(inventory, itemId)).toBe(5)

      // Within the grace period a checkout may still be running: nothing is touched.
      expect(await sweepOrphanReservations(container, new Date(), GRACE_MINUTES)).toEqual([])
      expect(await reserved(inventory, itemId)).toBe(5)

      const later = new Date(Date.now() + (GRACE_MINUTES + 1) * 60_000)
      const swept = await sweepOrphanReservations(container, later, GRACE_MINUTES)
      expect(swept.sort()).toEqual([orphan.id, unwritten.id].sort())
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
