import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type {
  BigNumberInput,
  IEventBusModuleService,
  IFulfillmentModuleService,
  IInventoryService,
  IPaymentModuleService,
  MedusaContainer,
  Subscriber,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import type { AxiosResponse } from "axios"
import { orderList } from "../../src/api/orders/validators"
import { orderView } from "../../src/queries/order/order-view"
import {
  OrderLifecycleEvents,
  type OrderStatusChangedData,
} from "../../src/modules/order-lifecycle/events"
import {
  TEST_ADDRESS,
  waitFor,
  type AdminSession,
  type CatalogProduct,
  type CommerceSetup,
  type Shopper,
  createShop,
  expectLocksReleasedAfterEachTest,
  useTestRedis,
} from "../helpers"

jest.setTimeout(180_000)

const anyStatus = { validateStatus: () => true }

type Headers = { authorization: string }

type HistoryEntry = {
  from: string | null
  to: string
  actor_type: string
  actor_id: string | null
  note: string | null
  at: string
}

type OrderView = {
  id: string
  user_id: string
  status: string
  hold_expires_at: string | null
  total: string
  items: { id: string; quantity: number }[]
  payment: {
    id: string
    status: string
    amount: string
    captured: string
    refunded: string
  } | null
  status_history: HistoryEntry[]
  updated_at: string
}

type Amount = { amount: BigNumberInput }

/** Medusa's own record of an order, read around the engine. */
type MedusaOrder = {
  id: string
  status: string
  canceled_at: string | null
  fulfillments: {
    id: string
    shipped_at: string | null
    delivered_at: string | null
    canceled_at: string | null
    items: { line_item_id: string; quantity: BigNumberInput }[]
  }[]
  payment_collections: {
    status: string
    payments: {
      id: string
      captured_at: string | null
      canceled_at: string | null
      captures: Amount[]
      refunds: Amount[]
    }[]
  }[]
}

const STOCK = 5
const QUANTITY = 2

function sum(amounts: Amount[]): string {
  return amounts
    .reduce((total, { amount }) => MathBN.add(total, amount), MathBN.convert(0))
    .toFixed(2)
}

// Locks in Redis, so that the tests can see what is still held.
const redisUrl = useTestRedis()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let setup: CommerceSetup
    let product: CatalogProduct
    let alice: Shopper
    let bob: Shopper

    // Every test's workflows release the locks they took.
    expectLocksReleasedAfterEachTest(redisUrl)

    beforeEach(async () => {
      ;({
        admin,
        setup,
        product: product,
        alice,
        bob,
      } = await createShop(getContainer(), api, {
        name: "Lamp",
        price: "19.99",
        stock_quantity: STOCK,
      }))
    })

    // --- helpers -------------------------------------------------------------------------

    /** A pending order of `quantity` lamps, through the cart and checkout. */
    async function placeOrder(shopper: Shopper = alice, quantity = QUANTITY): Promise<OrderView> {
      const added = await api.post(
        "/cart/add",
        { product_id: product.id, quantity },
        { headers: shopper.headers, ...anyStatus }
      )
      expect(added.status).toBe(200)
      const checkout = await api.post(
        "/cart/checkout",
        { shipping_address: TEST_ADDRESS },
        { headers: shopper.headers, ...anyStatus }
      )
      expect(checkout.status).toBe(201)
      expect(checkout.data.order.status).toBe("pending")
      return checkout.data.order as OrderView
    }

    const setStatus = (
      orderId: string,
      status: string,
      extra: Record<string, unknown> = {},
      headers: Partial<Headers> = admin.headers
    ) => api.put(`/orders/${orderId}/status`, { status, ...extra }, { headers, ...anyStatus })

    /** Moves the order along `path` (each move must succeed) and returns the last view. */
    async function advance(orderId: string, path: string[]): Promise<OrderView> {
      let view: OrderView | undefined
      for (const status of path) {
        const moved = await setStatus(orderId, status)
        expect({ to: status, status: moved.status, body: moved.data }).toMatchObject({
          status: 200,
          body: { status },
        })
        view = moved.data as OrderView
      }
      return view ?? (await getOrder(orderId))
    }

    async function getOrder(orderId: string, headers: Headers = admin.headers) {
      const response = await api.get(`/orders/${orderId}`, { headers, ...anyStatus })
      expect(response.status).toBe(200)
      // The documented response (OpenAPI is generated from the same schema), key for key.
      expect(orderView.strict().safeParse(response.data).error).toBeUndefined()
      return response.data as OrderView
    }

    async function medusaOrder(orderId: string): Promise<MedusaOrder> {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: [
          "id",
          "status",
          "canceled_at",
          "fulfillments.id",
          "fulfillments.shipped_at",
          "fulfillments.delivered_at",
          "fulfillments.canceled_at",
          "fulfillments.items.line_item_id",
          "fulfillments.items.quantity",
          "payment_collections.status",
          "payment_collections.payments.id",
          "payment_collections.payments.captured_at",
          "payment_collections.payments.canceled_at",
          "payment_collections.payments.captures.amount",
          "payment_collections.payments.refunds.amount",
        ],
        filters: { id: orderId },
      })
      expect(data).toHaveLength(1)
      return data[0] as unknown as MedusaOrder
    }

    const paymentsOf = (order: MedusaOrder) =>
      order.payment_collections.flatMap((collection) => collection.payments)
    const capturedOf = (order: MedusaOrder) =>
      sum(paymentsOf(order).flatMap((payment) => payment.captures))
    const refundedOf = (order: MedusaOrder) =>
      sum(paymentsOf(order).flatMap((payment) => payment.refunds))

    /** Medusa's admin API view of the order (its computed payment and fulfillment status). */
    async function adminOrder(orderId: string) {
      const response = await api.get(`/admin/orders/${orderId}`, {
        headers: admin.headers,
        ...anyStatus,
      })
      expect(response.status).toBe(200)
      return response.data.order as {
        status: string
        payment_status: string
        fulfillment_status: string
      }
    }

    async function inventoryItemId(container: MedusaContainer): Promise<string> {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "product",
        fields: ["variants.inventory_items.inventory_item_id"],
        filters: { id: product.id },
      })
      const variants = (
        data[0] as { variants: { inventory_items: { inventory_item_id: string }[] }[] }
      ).variants
      return variants[0].inventory_items[0].inventory_item_id
    }

    /** The product's stock at the store's location, straight from Medusa's inventory. */
    async function stock() {
      const container = getContainer()
      const inventory = container.resolve<IInventoryService>(Modules.INVENTORY)
      const itemId = await inventoryItemId(container)
      const [level] = await inventory.listInventoryLevels({
        inventory_item_id: itemId,
        location_id: setup.stockLocationId,
      })
      const reservations = await inventory.listReservationItems({ inventory_item_id: itemId })
      return {
        stocked: MathBN.convert(level.stocked_quantity).toNumber(),
        reserved: MathBN.convert(level.reserved_quantity).toNumber(),
        reservations: reservations.length,
      }
    }

    /** GET /products/:id stock as a shopper sees it (the catalog syncs after the change). */
    async function waitForShownStock(expected: number) {
      let shown: number | null = null
      await waitFor(async () => {
        const response = await api.get(`/products/${product.id}`)
        shown = response.data.stock_quantity
        return shown === expected
      }, 15_000).catch(() => {
        throw new Error(`GET /products/:id stock_quantity is ${shown}, expected ${expected}`)
      })
    }

    function expectStatusChange(moved: AxiosResponse, from: string, to: string, note?: string) {
      expect({ status: moved.status, body: moved.data }).toMatchObject({
        status: 200,
        body: { status: to },
      })
      expect(moved.data.status_history.at(-1)).toEqual({
        from,
        to,
        actor_type: "admin",
        actor_id: admin.user.id,
        note: note ?? null,
        at: expect.any(String),
      })
    }

    // --- 1. legal moves ------------------------------------------------------------------

    describe("legal moves and what they do in Medusa", () => {
      it("pending → paid captures the whole total and ends the stock hold", async () => {
        const order = await placeOrder()
        expect(order.hold_expires_at).not.toBeNull()
        expect(order.payment).toMatchObject({ captured: "0.00", refunded: "0.00" })

        const moved = await setStatus(order.id, "paid")
        expectStatusChange(moved, "pending", "paid")
        expect(moved.data.hold_expires_at).toBeNull()
        expect(moved.data.payment).toMatchObject({ captured: order.total, refunded: "0.00" })

        const medusa = await medusaOrder(order.id)
        expect(capturedOf(medusa)).toBe(order.total)
        expect(paymentsOf(medusa).every((payment) => payment.captured_at)).toBe(true)
        expect((await adminOrder(order.id)).payment_status).toBe("captured")
        // Paying does not ship: the stock is still held for the order.
        expect(await stock()).toEqual({ stocked: STOCK, reserved: QUANTITY, reservations: 1 })
      })

      it("pending → paid captures a payment the provider already authorized, once", async () => {
        const order = await placeOrder()
        // What confirming the payment with the provider does: the session is authorized.
        const payment = await getContainer()
          .resolve<IPaymentModuleService>(Modules.PAYMENT)
          .authorizePaymentSession(order.payment!.id, {})
        expect(payment?.captured_at ?? null).toBeNull()

        const moved = await setStatus(order.id, "paid")
        expectStatusChange(moved, "pending", "paid")
        const payments = paymentsOf(await medusaOrder(order.id))
        expect(payments).toHaveLength(1)
        expect(payments[0]).toMatchObject({ id: payment!.id, captured_at: expect.anything() })
        expect(sum(payments[0].captures)).toBe(order.total)
      })

      it("cancelling a pending order cancels an authorized payment instead of refunding", async () => {
        const order = await placeOrder()
        const payment = await getContainer()
          .resolve<IPaymentModuleService>(Modules.PAYMENT)
          .authorizePaymentSession(order.payment!.id, {})

        const moved = await setStatus(order.id, "cancelled")
        expectStatusChange(moved, "pending", "cancelled")
        const payments = paymentsOf(await medusaOrder(order.id))
        expect(payments).toEqual([
          expect.objectContaining({
            id: payment!.id,
            canceled_at: expect.anything(),
            captures: [],
          }),
        ])
        expect(moved.data.payment).toMatchObject({ captured: "0.00", refunded: "0.00" })
      })

      it("paid → processing changes nothing in Medusa", async () => {
        const order = await placeOrder()
        await advance(order.id, ["paid"])
        const before = await medusaOrder(order.id)

        const moved = await setStatus(order.id, "processing")
        expectStatusChange(moved, "paid", "processing")
        expect(await medusaOrder(order.id)).toEqual(before)
      })

      it("processing → shipped fulfils and ships every item in Medusa", async () => {
        const order = await placeOrder()
        await advance(order.id, ["paid", "processing"])

        const moved = await setStatus(order.id, "shipped")
        expectStatusChange(moved, "processing", "shipped")

        const medusa = await medusaOrder(order.id)
        expect(medusa.fulfillments).toHaveLength(1)
        const [fulfillment] = medusa.fulfillments
        expect(fulfillment.shipped_at).not.toBeNull()
        expect(fulfillment.delivered_at).toBeNull()
        expect(
          fulfillment.items.map((item) => [
            item.line_item_id,
            MathBN.convert(item.quantity).toNumber(),
          ])
        ).toEqual(order.items.map((item) => [item.id, item.quantity]))
        expect((await adminOrder(order.id)).fulfillment_status).toBe("shipped")
        // The held units left the warehouse.
        expect(await stock()).toEqual({ stocked: STOCK - QUANTITY, reserved: 0, reservations: 0 })
      })

      it("shipped → delivered marks the fulfillment delivered", async () => {
        const order = await placeOrder()
        await advance(order.id, ["paid", "processing", "shipped"])

        const moved = await setStatus(order.id, "delivered")
        expectStatusChange(moved, "shipped", "delivered")

        const [fulfillment] = (await medusaOrder(order.id)).fulfillments
        expect(fulfillment.delivered_at).not.toBeNull()
        expect((await adminOrder(order.id)).fulfillment_status).toBe("delivered")
      })

      it("delivered → refunded refunds everything that was captured", async () => {
        const order = await placeOrder()
        await advance(order.id, ["paid", "processing", "shipped", "delivered"])

        const moved = await setStatus(order.id, "refunded", { note: "Arrived broken" })
        expectStatusChange(moved, "delivered", "refunded", "Arrived broken")
        expect(moved.data.payment).toMatchObject({ captured: order.total, refunded: order.total })

        const medusa = await medusaOrder(order.id)
        expect(capturedOf(medusa)).toBe(order.total)
        expect(refundedOf(medusa)).toBe(order.total)
        expect((await adminOrder(order.id)).payment_status).toBe("refunded")
      })

      it("pending → cancelled cancels the Medusa order and gives the stock back", async () => {
        const order = await placeOrder()
        expect(await stock()).toEqual({ stocked: STOCK, reserved: QUANTITY, reservations: 1 })
        await waitForShownStock(STOCK - QUANTITY)

        const moved = await setStatus(order.id, "cancelled", { note: "Customer called" })
        expectStatusChange(moved, "pending", "cancelled", "Customer called")
        expect(moved.data.hold_expires_at).toBeNull()

        const medusa = await medusaOrder(order.id)
        expect(medusa.status).toBe("canceled")
        expect(medusa.canceled_at).not.toBeNull()
        expect(refundedOf(medusa)).toBe("0.00")
        expect(await stock()).toEqual({ stocked: STOCK, reserved: 0, reservations: 0 })
        await waitForShownStock(STOCK)
      })

      it("paid → cancelled refunds the captured money and releases the stock", async () => {
        const order = await placeOrder()
        await advance(order.id, ["paid"])

        const moved = await setStatus(order.id, "cancelled")
        expectStatusChange(moved, "paid", "cancelled")
        expect(moved.data.payment).toMatchObject({ captured: order.total, refunded: order.total })

        const medusa = await medusaOrder(order.id)
        expect(medusa.status).toBe("canceled")
        expect(refundedOf(medusa)).toBe(order.total)
        expect(await stock()).toEqual({ stocked: STOCK, reserved: 0, reservations: 0 })
      })

      it("processing → cancelled refunds and releases the stock too", async () => {
        const order = await placeOrder()
        await advance(order.id, ["paid", "processing"])

        const moved = await setStatus(order.id, "cancelled")
        expectStatusChange(moved, "processing", "cancelled")

        const medusa = await medusaOrder(order.id)
        expect(medusa.status).toBe("canceled")
        expect(refundedOf(medusa)).toBe(order.total)
        expect(await stock()).toEqual({ stocked: STOCK, reserved: 0, reservations: 0 })
      })

      it.each([[["paid"]], [["paid", "processing"]]])(
        "refunding before shipping (after %j) refunds the capture and gives the stock back",
        async (path) => {
          const order = await placeOrder()
          await advance(order.id, path)

          const moved = await setStatus(order.id, "refunded")
          expectStatusChange(moved, path[path.length - 1], "refunded")
          expect(moved.data.payment).toMatchObject({ captured: order.total, refunded: order.total })
          const medusa = await medusaOrder(order.id)
          expect(refundedOf(medusa)).toBe(order.total)
          expect(medusa.fulfillments).toEqual([])
          // Refunded is final: the order will never ship, so Medusa must not keep it open
          // for fulfilment nor hold its stock.
          expect(medusa.status).toBe("canceled")
          expect(await stock()).toEqual({ stocked: STOCK, reserved: 0, reservations: 0 })
        }
      )
    })

    describe("concurrency and rollback", () => {
      it("lets only one of two simultaneous payments through, capturing once", async () => {
        const order = await placeOrder()
        const responses = await Promise.all([
          setStatus(order.id, "paid"),
          setStatus(order.id, "paid"),
        ])
        expect(responses.map((response) => response.status).sort()).toEqual([200, 409])
        const medusa = await medusaOrder(order.id)
        expect(capturedOf(medusa)).toBe(order.total)
        expect(paymentsOf(medusa).filter((payment) => payment.captured_at)).toHaveLength(1)
        expect((await getOrder(order.id)).status_history.map((entry) => entry.to)).toEqual([
          "pending",
          "paid",
        ])
      })

      it("never both ships and cancels an order when the two race", async () => {
        const order = await placeOrder()
        await advance(order.id, ["paid", "processing"])
        const [shipped, cancelled] = await Promise.all([
          setStatus(order.id, "shipped"),
          api.delete(`/orders/${order.id}`, { headers: alice.headers, ...anyStatus }),
        ])
        expect([shipped.status, cancelled.status].sort()).toEqual([200, 409])

        const view = await getOrder(order.id)
        const medusa = await medusaOrder(order.id)
        const live = medusa.fulfillments.filter((fulfillment) => !fulfillment.canceled_at)
        if (shipped.status === 200) {
          expect(view.status).toBe("shipped")
          expect(medusa.status).not.toBe("canceled")
          expect(live).toHaveLength(1)
          expect(refundedOf(medusa)).toBe("0.00")
        } else {
          expect(view.status).toBe("cancelled")
          expect(medusa.status).toBe("canceled")
          expect(live).toHaveLength(0)
          expect(refundedOf(medusa)).toBe(order.total)
        }
        expect(view.status_history).toHaveLength(4)
      })

      it("rolls the whole move back when a Medusa action fails part-way", async () => {
        const order = await placeOrder()
        const before = await advance(order.id, ["paid", "processing"])
        // Someone lowers the order's reservation in Medusa's dashboard: the fulfillment is
        // created, then adjusting the stock for it fails.
        const [reservation] = await getContainer()
          .resolve<IInventoryService>(Modules.INVENTORY)
          .listReservationItems({ line_item_id: order.items[0].id })
        const lowered = await api.post(
          `/admin/reservations/${reservation.id}`,
          { quantity: 1 },
          { headers: admin.headers, ...anyStatus }
        )
        expect(lowered.status).toBe(200)

        const failed = await setStatus(order.id, "shipped")
        expect(failed.status).toBe(400)
        expect(failed.data.message).toMatch(/reserved quantity/)
        const medusa = await medusaOrder(order.id)
        expect(medusa.fulfillments.filter((fulfillment) => !fulfillment.canceled_at)).toEqual([])
        // The fulfillment had been made (the failure came after it) and was cancelled back.
        const made = await getContainer()
          .resolve<IFulfillmentModuleService>(Modules.FULFILLMENT)
          .listFulfillments({})
        expect(made).toHaveLength(1)
        expect(made[0].canceled_at).not.toBeNull()
        // Status, history and everything else as before; only the row's updated_at moved
        // (the status was written and then restored by the rollback).
        expect({ ...(await getOrder(order.id)), updated_at: null }).toEqual({
          ...before,
          updated_at: null,
        })
        expect(await stock()).toEqual({ stocked: STOCK, reserved: 1, reservations: 1 })

        // The lock was released with the rollback: the order can still be cancelled.
        expect((await setStatus(order.id, "cancelled")).status).toBe(200)
      })
    })

    // --- 2. illegal moves ----------------------------------------------------------------

    describe("illegal moves", () => {
      const illegal: [string[], string[]][] = [
        [[], ["processing", "shipped", "delivered", "refunded"]],
        [["paid"], ["paid", "delivered", "shipped"]],
        [
          ["paid", "processing"],
          ["processing", "paid", "delivered"],
        ],
        [
          ["paid", "processing", "shipped"],
          ["cancelled", "shipped", "processing", "paid"],
        ],
        [
          ["paid", "processing", "shipped", "delivered"],
          ["cancelled", "delivered", "shipped"],
        ],
        [["cancelled"], ["paid", "cancelled", "processing", "refunded"]],
        [
          ["paid", "refunded"],
          ["paid", "processing", "shipped", "delivered", "cancelled", "refunded"],
        ],
      ]

      it.each(illegal)("after %j: %j are a 409 and change nothing", async (path, targets) => {
        const order = await placeOrder()
        const before = await advance(order.id, path)
        const medusaBefore = await medusaOrder(order.id)
        for (const target of targets) {
          const refused = await setStatus(order.id, target)
          expect({ target, status: refused.status, message: refused.data.message }).toEqual({
            target,
            status: 409,
            message: `Order ${order.id} cannot move from ${before.status} to ${target}`,
          })
        }
        expect(await getOrder(order.id)).toEqual(before)
        expect(await medusaOrder(order.id)).toEqual(medusaBefore)
      })

      it("an unknown order is a 404 in the shared shape whatever the target status", async () => {
        for (const target of ["paid", "cancelled", "pending", "partially_refunded"]) {
          const refused = await setStatus("order_01UNKNOWN", target)
          expect({ target, status: refused.status, body: refused.data }).toEqual({
            target,
            status: 404,
            body: { type: "not_found", message: "Order order_01UNKNOWN was not found" },
          })
        }
      })

      it.each([[[]], [["paid"]]])(
        "pending and partially_refunded cannot be set by hand (after %j)",
        async (path) => {
          const order = await placeOrder()
          const before = await advance(order.id, path)
          for (const target of ["pending", "partially_refunded"]) {
            const refused = await setStatus(order.id, target)
            expect(refused.status).toBe(409)
            expect(refused.data.message).toMatch(
              new RegExp(`^An order cannot be set to ${target} by hand`)
            )
          }
          expect(await getOrder(order.id)).toEqual(before)
        }
      )
    })

    // --- 3. history and events -----------------------------------------------------------

    describe("history", () => {
      let events: OrderStatusChangedData[]
      const subscriber: Subscriber = async ({ data }) => {
        events.push(data as OrderStatusChangedData)
      }
      const context = { subscriberId: "orders-spec-status-changed" }
      const eventBus = () => getContainer().resolve<IEventBusModuleService>(Modules.EVENT_BUS)

      beforeEach(() => {
        events = []
        eventBus().subscribe(OrderLifecycleEvents.STATUS_CHANGED, subscriber, context)
      })
      afterEach(() => {
        eventBus().unsubscribe(OrderLifecycleEvents.STATUS_CHANGED, subscriber, context)
      })

      it("records every change in order, with who, why and when, and emits order.status_changed", async () => {
        const order = await placeOrder()
        await setStatus(order.id, "paid", { note: "Paid by bank transfer" })
        await advance(order.id, ["processing", "shipped", "delivered"])
        const moved = await setStatus(order.id, "refunded", { note: "Goodwill" })
        expect(moved.status).toBe(200)

        const history = (await getOrder(order.id, alice.headers)).status_history
        const byAdmin = { actor_type: "admin", actor_id: admin.user.id }
        expect(history).toEqual(
          [
            { from: null, to: "pending", actor_type: "customer", actor_id: alice.id, note: null },
            { from: "pending", to: "paid", ...byAdmin, note: "Paid by bank transfer" },
            { from: "paid", to: "processing", ...byAdmin, note: null },
            { from: "processing", to: "shipped", ...byAdmin, note: null },
            { from: "shipped", to: "delivered", ...byAdmin, note: null },
            { from: "delivered", to: "refunded", ...byAdmin, note: "Goodwill" },
          ].map((entry) => ({ ...entry, at: expect.any(String) }))
        )
        const times = history.map((entry) => Date.parse(entry.at))
        expect(times.every((time) => !Number.isNaN(time))).toBe(true)
        for (let i = 1; i < times.length; i++) {
          expect(times[i]).toBeGreaterThan(times[i - 1])
        }

        const moves = [
          [null, "pending"],
          ["pending", "paid"],
          ["paid", "processing"],
          ["processing", "shipped"],
          ["shipped", "delivered"],
          ["delivered", "refunded"],
        ]
        await waitFor(() => events.length >= moves.length, 10_000)
        expect(events).toEqual(
          moves.map(([from, to]) =>
            expect.objectContaining({ order_id: order.id, customer_id: alice.id, from, to })
          )
        )
        expect(events[1]).toMatchObject({
          actor_type: "admin",
          actor_id: admin.user.id,
          note: "Paid by bank transfer",
        })
      })

      it("a refused move emits nothing and adds no entry", async () => {
        const order = await placeOrder()
        await waitFor(() => events.length === 1, 10_000)
        expect((await setStatus(order.id, "shipped")).status).toBe(409)
        // A legal move afterwards is seen (and was not held up by the refused move's lock).
        expect((await setStatus(order.id, "paid")).status).toBe(200)
        await waitFor(() => events.length > 1, 10_000)
        expect(events).toEqual([
          expect.objectContaining({ order_id: order.id, from: null, to: "pending" }),
          expect.objectContaining({ order_id: order.id, from: "pending", to: "paid" }),
        ])
        expect((await getOrder(order.id)).status_history.map((entry) => entry.to)).toEqual([
          "pending",
          "paid",
        ])
      })
    })

    // --- 4. authorisation and validation -------------------------------------------------

    describe("authorisation and validation", () => {
      it("needs a token on every order route", async () => {
        const order = await placeOrder()
        const responses = await Promise.all([
          api.get("/orders", anyStatus),
          api.get(`/orders/${order.id}`, anyStatus),
          api.delete(`/orders/${order.id}`, anyStatus),
          api.put(`/orders/${order.id}/status`, { status: "paid" }, anyStatus),
          api.get(`/users/${alice.id}/orders`, anyStatus),
        ])
        expect(responses.map((response) => response.status)).toEqual([401, 401, 401, 401, 401])
        expect((await getOrder(order.id)).status).toBe("pending")
      })

      it("lets only admins change a status (customers get a 403, even on their own order)", async () => {
        const order = await placeOrder()
        const refused = await setStatus(order.id, "paid", {}, alice.headers)
        expect(refused.status).toBe(403)
        expect(await getOrder(order.id)).toEqual(order)
      })

      it("hides another customer's order: GET and DELETE are a 404 and change nothing", async () => {
        const order = await placeOrder()
        const seen = await api.get(`/orders/${order.id}`, { headers: bob.headers, ...anyStatus })
        expect(seen.status).toBe(404)
        const cancelled = await api.delete(`/orders/${order.id}`, {
          headers: bob.headers,
          ...anyStatus,
        })
        expect(cancelled.status).toBe(404)
        expect(cancelled.data.message).toBe(seen.data.message)
        expect(await getOrder(order.id)).toEqual(order)
        expect(await stock()).toEqual({ stocked: STOCK, reserved: QUANTITY, reservations: 1 })
        // The owner still sees it.
        expect((await getOrder(order.id, alice.headers)).id).toBe(order.id)
      })

      it("answers an unknown order with a 404", async () => {
        const id = "order_01UNKNOWN0000000000000000"
        const responses = await Promise.all([
          api.get(`/orders/${id}`, { headers: admin.headers, ...anyStatus }),
          api.get(`/orders/${id}`, { headers: alice.headers, ...anyStatus }),
          api.delete(`/orders/${id}`, { headers: alice.headers, ...anyStatus }),
          api.delete(`/orders/${id}`, { headers: admin.headers, ...anyStatus }),
          setStatus(id, "paid"),
        ])
        expect(responses.map((response) => response.status)).toEqual([404, 404, 404, 404, 404])
      })

      it("refuses a bad status body with a 400 and changes nothing", async () => {
        const order = await placeOrder()
        const bodies: Record<string, unknown>[] = [
          { status: "lost" },
          { status: "PAID" },
          {},
          { status: "paid", extra: true },
          { status: "paid", note: 42 },
          { status: "paid", note: "x".repeat(1001) },
        ]
        for (const body of bodies) {
          const refused = await api.put(`/orders/${order.id}/status`, body, {
            headers: admin.headers,
            ...anyStatus,
          })
          expect({ body, status: refused.status }).toEqual({ body, status: 400 })
        }
        expect(await getOrder(order.id)).toEqual(order)
      })
    })

    // --- 5. cancelling with DELETE -------------------------------------------------------

    describe("DELETE /orders/:id", () => {
      const cancel = (orderId: string, headers: Headers) =>
        api.delete(`/orders/${orderId}`, { headers, ...anyStatus })

      it("lets the owner cancel a pending order: stock back, nothing captured", async () => {
        const order = await placeOrder()
        const cancelled = await cancel(order.id, alice.headers)
        expect(cancelled.status).toBe(200)
        expect(cancelled.data.status).toBe("cancelled")
        expect(cancelled.data.status_history.at(-1)).toEqual({
          from: "pending",
          to: "cancelled",
          actor_type: "customer",
          actor_id: alice.id,
          note: "Cancelled by the customer",
          at: expect.any(String),
        })
        expect((await medusaOrder(order.id)).status).toBe("canceled")
        expect(await stock()).toEqual({ stocked: STOCK, reserved: 0, reservations: 0 })
        // The payment the customer could still have confirmed is closed with it.
        const sessions = await getContainer()
          .resolve(Modules.PAYMENT)
          .listPaymentSessions({ id: order.payment?.id as string })
        expect(sessions).toEqual([])

        const again = await cancel(order.id, alice.headers)
        expect(again.status).toBe(409)
      })

      it("lets the owner cancel a paid order: the capture is refunded", async () => {
        const order = await placeOrder()
        await advance(order.id, ["paid"])
        const cancelled = await cancel(order.id, alice.headers)
        expect(cancelled.status).toBe(200)
        expect(cancelled.data).toMatchObject({
          status: "cancelled",
          payment: { captured: order.total, refunded: order.total },
        })
        const medusa = await medusaOrder(order.id)
        expect(medusa.status).toBe("canceled")
        expect(refundedOf(medusa)).toBe(order.total)
        expect(await stock()).toEqual({ stocked: STOCK, reserved: 0, reservations: 0 })
      })

      it("lets an admin cancel anyone's order", async () => {
        const order = await placeOrder()
        const cancelled = await cancel(order.id, admin.headers)
        expect(cancelled.status).toBe(200)
        expect(cancelled.data.status_history.at(-1)).toMatchObject({
          from: "pending",
          to: "cancelled",
          actor_type: "admin",
          actor_id: admin.user.id,
        })
        expect((await medusaOrder(order.id)).status).toBe("canceled")
      })

      it("refuses (409) while a fulfillment made in Medusa's dashboard is live, changing nothing", async () => {
        const order = await placeOrder()
        await advance(order.id, ["paid"])
        const fulfilled = await api.post(
          `/admin/orders/${order.id}/fulfillments`,
          { items: [{ id: order.items[0].id, quantity: QUANTITY }] },
          { headers: admin.headers, ...anyStatus }
        )
        expect(fulfilled.status).toBe(200)
        const before = await getOrder(order.id)
        const medusaBefore = await medusaOrder(order.id)

        const refused = await cancel(order.id, alice.headers)
        expect(refused.status).toBe(409)
        expect(refused.data.message).toMatch(/has a fulfillment/)
        expect(await getOrder(order.id)).toEqual(before)
        expect(await medusaOrder(order.id)).toEqual(medusaBefore)
        expect(medusaBefore.status).not.toBe("canceled")
      })

      it.each([
        [["paid", "processing", "shipped"]],
        [["paid", "processing", "shipped", "delivered"]],
      ])("refuses once shipped (after %j) with a 409, for the owner and an admin", async (path) => {
        const order = await placeOrder()
        const before = await advance(order.id, path)
        const medusaBefore = await medusaOrder(order.id)
        for (const headers of [alice.headers, admin.headers]) {
          const refused = await cancel(order.id, headers)
          expect(refused.status).toBe(409)
        }
        expect(await getOrder(order.id)).toEqual(before)
        expect(await medusaOrder(order.id)).toEqual(medusaBefore)
      })
    })

    // --- 6. lists ------------------------------------------------------------------------

    describe("lists", () => {
      it("shows customers their own orders, admins everyone's with filters and pages", async () => {
        const first = await placeOrder(alice, 1)
        const second = await placeOrder(alice, 1)
        const bobs = await placeOrder(bob, 1)
        await advance(second.id, ["paid"])

        const ids = (response: AxiosResponse) =>
          (response.data.items as OrderView[]).map((order) => order.id)

        const own = await api.get("/orders", { headers: alice.headers })
        expect(own.data).toMatchObject({ count: 2, limit: 20, offset: 0 })
        expect(ids(own)).toEqual([second.id, first.id])
        expect(own.data.items[0]).toMatchObject({ status: "paid", user_id: alice.id })
        expect(own.data.items[0].status_history).toHaveLength(2)

        // A customer cannot look at someone else's orders through the filter.
        const sneaky = await api.get(`/orders?user_id=${bob.id}`, { headers: alice.headers })
        expect(ids(sneaky)).toEqual([second.id, first.id])

        const all = await api.get("/orders", { headers: admin.headers })
        expect(orderList.strict().safeParse(all.data).error).toBeUndefined()
        expect(all.data).toMatchObject({ count: 3, limit: 20, offset: 0 })
        expect(ids(all)).toEqual([bobs.id, second.id, first.id])

        const paid = await api.get("/orders?status=paid", { headers: admin.headers })
        expect(paid.data.count).toBe(1)
        expect(ids(paid)).toEqual([second.id])
        const pending = await api.get(`/orders?status=pending&user_id=${alice.id}`, {
          headers: admin.headers,
        })
        expect(ids(pending)).toEqual([first.id])
        const bobsOnly = await api.get(`/orders?user_id=${bob.id}`, { headers: admin.headers })
        expect(ids(bobsOnly)).toEqual([bobs.id])

        const page = await api.get("/orders?limit=1&offset=1", { headers: admin.headers })
        expect(page.data).toMatchObject({ count: 3, limit: 1, offset: 1 })
        expect(ids(page)).toEqual([second.id])

        const badFilter = await api.get("/orders?status=lost", {
          headers: admin.headers,
          ...anyStatus,
        })
        expect(badFilter.status).toBe(400)
      })

      it("GET /users/:id/orders: the user's own orders, a 404 for someone else's, all for admins", async () => {
        const order = await placeOrder(alice)
        await placeOrder(bob)

        const own = await api.get(`/users/${alice.id}/orders`, { headers: alice.headers })
        expect(own.data).toMatchObject({ count: 1, limit: 20, offset: 0 })
        expect(own.data.items).toEqual([await getOrder(order.id, alice.headers)])

        const other = await api.get(`/users/${bob.id}/orders`, {
          headers: alice.headers,
          ...anyStatus,
        })
        expect(other.status).toBe(404)

        const byAdmin = await api.get(`/users/${alice.id}/orders`, { headers: admin.headers })
        expect(byAdmin.data.items.map((o: OrderView) => o.id)).toEqual([order.id])
      })
    })
  },
})
