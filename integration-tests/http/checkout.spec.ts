import Redis from "ioredis"
import type { Knex } from "knex"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules, PromotionActions } from "@medusajs/framework/utils"
import {
  createPromotionsWorkflow,
  createShippingOptionsWorkflow,
  updateCartPromotionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { EXPIRY_LOCK_WAIT_SECONDS, expireOrderHolds } from "../../src/tasks/order/expire-holds"
import { orderLockKey } from "../../src/workflows/order/change-order-status"
import { reconcilePayments } from "../../src/tasks/payment/reconcile"
import { ORDER_LIFECYCLE_MODULE } from "../../src/modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../src/modules/order-lifecycle/service"
import type { OrderView } from "../../src/queries/order/order-view"
import {
  addAndCheckout,
  completeCartThroughMedusa,
  createCatalogProduct,
  stockOf,
  TEST_ADDRESS,
  waitFor,
  waitForIdleEventQueue,
  pendingEventWork,
  useTestRedis,
  type AdminSession,
  type CatalogProduct,
  type CommerceSetup,
  type Shopper,
  createShop,
} from "../helpers"

jest.setTimeout(120_000)

const anyStatus = { validateStatus: () => true }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let setup: CommerceSetup
    let lamp: CatalogProduct
    let alice: Shopper
    let bob: Shopper

    beforeEach(async () => {
      ;({
        admin,
        setup,
        product: lamp,
        alice,
        bob,
      } = await createShop(getContainer(), api, {
        name: "Desk Lamp",
        price: "19.99",
        stock_quantity: 5,
      }))
    })

    const checkout = (who: { headers: Record<string, string> }, body: Record<string, unknown>) =>
      api.post("/cart/checkout", body, { headers: who.headers, ...anyStatus })
    const add = (who: Shopper, productId: string, quantity: number) =>
      api.post("/cart/add", { product_id: productId, quantity }, { headers: who.headers })

    /** Alice's order of `quantity` lamps, completed through Medusa's store API. */
    async function placeThroughMedusa(quantity: number): Promise<string> {
      const [variant] = await getContainer()
        .resolve(Modules.PRODUCT)
        .listProductVariants({ product_id: lamp.id })
      const { orderId } = await completeCartThroughMedusa(
        api,
        setup.storeHeaders,
        alice,
        variant.id,
        quantity
      )
      return orderId
    }

    /**
     * Alice's view of an order once it shows `status`, moved by a subscriber after the
     * request answered. The very read that shows the status is answered, so its history is
     * asserted with it: both are written in one transaction.
     */
    async function viewOnceStatus(orderId: string, status: string) {
      let view: OrderView | undefined
      await waitFor(async () => {
        const response = await api.get(`/orders/${orderId}`, {
          headers: alice.headers,
          ...anyStatus,
        })
        view = response.status === 200 ? response.data : undefined
        return view?.status === status
      })
      return view!
    }

    /** A default tax rate of `rate` % for the seed's US tax region. */
    async function taxTheUs(rate: number) {
      const tax = getContainer().resolve(Modules.TAX)
      const [usTax] = (await tax.listTaxRegions({ country_code: "us" })).filter(
        (region) => !region.parent_id
      )
      await tax.createTaxRates({
        tax_region_id: usTax.id,
        name: "US sales tax",
        code: "US-TAX",
        rate,
        is_default: true,
      })
    }

    /** Medusa's payment of an order (its first collection's first payment). */
    async function paymentOf(orderId: string): Promise<string | undefined> {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "order",
          fields: ["payment_collections.payments.id"],
          filters: { id: orderId },
        })
      type Row = { payment_collections?: { payments?: { id: string }[] }[] }
      return (data[0] as Row).payment_collections?.[0]?.payments?.[0]?.id
    }

    describe("POST /cart/checkout", () => {
      it("answers with the order and payment exactly as they are then read back", async () => {
        // The answer is shaped from what the checkout wrote, not read back: it must be
        // what GET /orders/{id} and GET /payments/{id} then say, field for field.
        await add(alice, lamp.id, 1)
        const response = await checkout(alice, { shipping_address: TEST_ADDRESS })
        expect(response.status).toBe(201)
        const { order, payment } = response.data
        const [storedOrder, storedPayment] = await Promise.all([
          api.get(`/orders/${order.id}`, { headers: alice.headers }),
          api.get(`/payments/${payment.id}`, { headers: alice.headers }),
        ])
        expect(order).toEqual(storedOrder.data)
        expect(payment).toEqual(storedPayment.data)
      })

      it("makes a pending order, holds its stock and opens its payment", async () => {
        const cartId = (await add(alice, lamp.id, 2)).data.id
        const response = await checkout(alice, {
          shipping_address: TEST_ADDRESS,
          billing_address: { ...TEST_ADDRESS, city: "Boston", postal_code: "02108" },
        })
        expect(response.status).toBe(201)
        const { order, payment } = response.data
        expect(order).toMatchObject({
          status: "pending",
          user_id: alice.id,
          email: alice.email,
          currency_code: "usd",
          item_count: 2,
          subtotal: "39.98",
          shipping: "5.00",
          total: "44.98",
          shipping_method: "Standard Shipping",
          shipping_address: expect.objectContaining({ city: "New York", country_code: "us" }),
          billing_address: expect.objectContaining({ city: "Boston" }),
          items: [
            expect.objectContaining({ product_id: lamp.id, quantity: 2, unit_price: "19.99" }),
          ],
          status_history: [
            expect.objectContaining({
              from: null,
              to: "pending",
              actor_type: "customer",
              actor_id: alice.id,
            }),
          ],
        })
        const holdMinutes = (new Date(order.hold_expires_at).getTime() - Date.now()) / 60_000
        expect(holdMinutes).toBeGreaterThan(14)
        expect(holdMinutes).toBeLessThanOrEqual(15)
        expect(payment).toEqual({
          id: expect.stringMatching(/^payatt_/),
          order_id: order.id,
          amount: "44.98",
          currency_code: "usd",
          status: "pending",
          provider: "pp_system_default",
          client_secret: null,
          next_action: null,
          captured_amount: "0.00",
          refunded_amount: "0.00",
          failure: null,
          created_at: expect.any(String),
          updated_at: expect.any(String),
        })

        const container = getContainer()
        expect(await stockOf(container, lamp.id)).toMatchObject({
          stocked: 5,
          reserved: 2,
          available: 3,
        })
        const reservations = await container
          .resolve(Modules.INVENTORY)
          .listReservationItems({ line_item_id: order.items[0].id })
        expect(reservations).toHaveLength(1)
        expect(Number(reservations[0].quantity)).toBe(2)

        const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
          entity: "order",
          fields: ["status", "cart.id"],
          filters: { id: order.id },
        })
        expect(data[0]).toMatchObject({ status: "pending", cart: { id: cartId } })

        // The cart is done: the next GET /cart is a new, empty one.
        const next = await api.get("/cart", { headers: alice.headers })
        expect(next.data.id).not.toBe(cartId)
        expect(next.data.items).toEqual([])

        // The catalog shows what can still be sold.
        await waitFor(async () => {
          const product = await api.get(`/products/${lamp.id}`)
          return product.data.stock_quantity === 3
        })
      })

      it("uses a requested shipping option and refuses one that does not serve the cart", async () => {
        await add(alice, lamp.id, 1)
        const container = getContainer()
        const [express] = await container
          .resolve(Modules.FULFILLMENT)
          .listShippingOptions({ name: "Express Shipping" })
        const unknown = await checkout(alice, {
          shipping_address: TEST_ADDRESS,
          shipping_option_id: "so_unknown",
        })
        expect(unknown.status).toBe(400)
        expect(await stockOf(container, lamp.id)).toMatchObject({ reserved: 0 })
        const response = await checkout(alice, {
          shipping_address: TEST_ADDRESS,
          shipping_option_id: express.id,
        })
        expect(response.status).toBe(201)
        expect(response.data.order).toMatchObject({ shipping: "15.00", total: "34.99" })
      })

      it("refuses a requested option that does not deliver to the address, holding nothing", async () => {
        await add(alice, lamp.id, 1)
        const container = getContainer()
        const fulfillment = container.resolve(Modules.FULFILLMENT)
        const [standard] = await fulfillment.listShippingOptions(
          { name: "Standard Shipping" },
          { relations: ["service_zone"] }
        )
        // A priced option of the same warehouse whose zone is Canada only.
        const [zone] = await fulfillment.createServiceZones([
          {
            name: "Canada only",
            fulfillment_set_id: standard.service_zone.fulfillment_set_id,
            geo_zones: [{ type: "country", country_code: "ca" }],
          },
        ])
        const { result } = await createShippingOptionsWorkflow(container).run({
          input: [
            {
              name: "Canada Post",
              price_type: "flat",
              provider_id: standard.provider_id as string,
              service_zone_id: zone.id,
              shipping_profile_id: standard.shipping_profile_id as string,
              type: { label: "Canada Post", description: "Canada only", code: "canada-post" },
              prices: [{ currency_code: "usd", amount: 1 }],
              rules: [
                { attribute: "enabled_in_store", value: "true", operator: "eq" },
                { attribute: "is_return", value: "false", operator: "eq" },
              ],
            },
          ],
        })
        const refused = await checkout(alice, {
          shipping_address: TEST_ADDRESS,
          shipping_option_id: result[0].id,
        })
        expect(refused.status).toBe(400)
        expect(refused.data.message).toMatch(/does not serve this cart/)
        expect(await stockOf(container, lamp.id)).toMatchObject({ reserved: 0 })
        const cart = await api.get("/cart", { headers: alice.headers })
        expect(cart.data.items).toHaveLength(1)

        // Delivered to Canada, the same option is the one used (and the cheapest anyway).
        const canada = await checkout(alice, {
          shipping_address: { ...TEST_ADDRESS, country_code: "CA" },
          shipping_option_id: result[0].id,
        })
        expect(canada.status).toBe(201)
        expect(canada.data.order).toMatchObject({ shipping: "1.00", total: "20.99" })
      })

      it("stays pending through payment reconciliation: without Stripe, the shop records the payment", async () => {
        await add(alice, lamp.id, 1)
        const placed = await checkout(alice, { shipping_address: TEST_ADDRESS })
        expect(placed.status).toBe(201)
        expect(placed.data.payment.provider).toBe("pp_system_default")

        const summary = await reconcilePayments(getContainer(), { graceMs: 0 })
        expect(summary).toMatchObject({ fixed: 0, errors: 0 })
        const order = await api.get(`/orders/${placed.data.order.id}`, { headers: alice.headers })
        expect(order.data.status).toBe("pending")
        const payment = await api.get(`/payments/${placed.data.payment.id}`, {
          headers: alice.headers,
        })
        expect(payment.data).toMatchObject({ status: "pending", captured_amount: "0.00" })
      })

      it("shares a flat shipping price between carts until the dashboard changes it, and prices a conditional one per cart", async () => {
        const [standard] = await getContainer()
          .resolve(Modules.FULFILLMENT)
          .listShippingOptions({ name: "Standard Shipping" })
        // Bob's checkout prices the option and shares the price (one currency and region).
        await add(bob, lamp.id, 1)
        const before = await checkout(bob, { shipping_address: TEST_ADDRESS })
        expect(before.status).toBe(201)
        expect(before.data.order.shipping).not.toBe("7.00")

        // A new price, and free shipping from an item total of 30: the price now reads the cart.
        const updated = await api.post(
          `/admin/shipping-options/${standard.id}`,
          {
            prices: [
              { currency_code: "usd", amount: 7 },
              {
                currency_code: "usd",
                amount: 0,
                rules: [{ attribute: "item_total", operator: "gte", value: 30 }],
              },
            ],
          },
          { headers: admin.headers, ...anyStatus }
        )
        expect(updated.status).toBe(200)
        await waitForIdleEventQueue()

        await add(alice, lamp.id, 1)
        const small = await checkout(alice, { shipping_address: TEST_ADDRESS })
        expect(small.status).toBe(201)
        expect(small.data.order).toMatchObject({ subtotal: "19.99", shipping: "7.00" })

        await add(alice, lamp.id, 2)
        const large = await checkout(alice, { shipping_address: TEST_ADDRESS })
        expect(large.status).toBe(201)
        expect(large.data.order).toMatchObject({ subtotal: "39.98", shipping: "0.00" })
      })

      it("sees a stock location linked in the dashboard at once, though the listing is cached", async () => {
        const container = getContainer()
        const [standard] = await container
          .resolve(Modules.FULFILLMENT)
          .listShippingOptions({ name: "Standard Shipping" })
        const adminPost = async (path: string, body: Record<string, unknown>) => {
          const response = await api.post(path, body, { headers: admin.headers, ...anyStatus })
          expect(response.status).toBe(200)
          return response.data
        }
        // A second warehouse with a cheaper option for the US, not yet serving the channel.
        const { stock_location: annex } = await adminPost("/admin/stock-locations", {
          name: "Annex",
        })
        await adminPost(`/admin/stock-locations/${annex.id}/fulfillment-providers`, {
          add: [standard.provider_id],
        })
        const withSet = await adminPost(
          `/admin/stock-locations/${annex.id}/fulfillment-sets?fields=*fulfillment_sets`,
          { name: "Annex delivery", type: "shipping" }
        )
        const setId = withSet.stock_location.fulfillment_sets[0].id as string
        const withZone = await adminPost(
          `/admin/fulfillment-sets/${setId}/service-zones?fields=*service_zones`,
          { name: "Annex US", geo_zones: [{ type: "country", country_code: "us" }] }
        )
        await adminPost("/admin/shipping-options", {
          name: "Annex courier",
          service_zone_id: withZone.fulfillment_set.service_zones[0].id,
          shipping_profile_id: standard.shipping_profile_id,
          provider_id: standard.provider_id,
          price_type: "flat",
          type: { label: "Courier", description: "From the annex", code: "annex-courier" },
          prices: [{ currency_code: "usd", amount: 0.5 }],
          rules: [
            { attribute: "enabled_in_store", value: "true", operator: "eq" },
            { attribute: "is_return", value: "false", operator: "eq" },
          ],
        })

        // Bob's checkout lists the channel's options and caches them: the standard one.
        await add(bob, lamp.id, 1)
        const before = await checkout(bob, { shipping_address: TEST_ADDRESS })
        expect(before.status).toBe(201)
        expect(before.data.order.shipping).not.toBe("0.50")

        // Linking the warehouse to the channel emits no event; the next checkout sees it.
        await adminPost(`/admin/stock-locations/${annex.id}/sales-channels`, {
          add: [setup.salesChannelId],
        })
        await add(alice, lamp.id, 1)
        const after = await checkout(alice, { shipping_address: TEST_ADDRESS })
        expect(after.status).toBe(201)
        expect(after.data.order).toMatchObject({ shipping: "0.50" })
      })

      it("keeps a promotion code applied to the cart, and applies an automatic one to the new shipping", async () => {
        const container = getContainer()
        await createPromotionsWorkflow(container).run({
          input: {
            promotionsData: [
              {
                code: "SAVE5",
                type: "standard",
                status: "active",
                application_method: {
                  type: "fixed",
                  target_type: "items",
                  allocation: "across",
                  value: 5,
                  currency_code: "usd",
                },
              },
              {
                // Applies to the shipping method, which only checkout adds.
                code: "FREESHIP",
                type: "standard",
                status: "active",
                is_automatic: true,
                application_method: {
                  type: "percentage",
                  target_type: "shipping_methods",
                  allocation: "each",
                  max_quantity: 1,
                  value: 100,
                  currency_code: "usd",
                },
              },
            ],
          },
        })
        await add(alice, lamp.id, 1)
        const cartId = (await api.get("/cart", { headers: alice.headers })).data.id as string
        await updateCartPromotionsWorkflow(container).run({
          input: { cart_id: cartId, promo_codes: ["SAVE5"], action: PromotionActions.ADD },
        })

        const response = await checkout(alice, { shipping_address: TEST_ADDRESS })
        expect(response.status).toBe(201)
        // 19.99 − 5.00 off the items; the 5.00 shipping is free.
        expect(response.data.order).toMatchObject({
          subtotal: "19.99",
          discount: "10.00",
          shipping: "0.00",
          total: "14.99",
        })
        expect(response.data.payment.amount).toBe("14.99")
        const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
          entity: "order",
          fields: ["promotions.code", "items.adjustments.code"],
          filters: { id: response.data.order.id },
        })
        const order = data[0] as {
          promotions: { code: string }[]
          items: { adjustments: { code: string }[] }[]
        }
        expect(order.promotions.map((promotion) => promotion.code).sort()).toEqual([
          "FREESHIP",
          "SAVE5",
        ])
        expect(order.items[0].adjustments.map((adjustment) => adjustment.code)).toEqual(["SAVE5"])
      })

      it("taxes the order for the shipping address and refuses a country outside the region", async () => {
        await taxTheUs(10)
        await add(alice, lamp.id, 1)
        expect((await api.get("/cart", { headers: alice.headers })).data.tax).toBe("0.00")

        const abroad = await checkout(alice, {
          shipping_address: { ...TEST_ADDRESS, country_code: "DE" },
        })
        expect(abroad.status).toBe(400)
        expect(abroad.data.message).toMatch(/does not sell to DE/)

        const response = await checkout(alice, { shipping_address: TEST_ADDRESS })
        expect(response.status).toBe(201)
        const order = response.data.order
        // 10 % of 19.99 and of the 5.00 shipping.
        expect(order.tax).toBe("2.50")
        expect(order.total).toBe("27.49")
        expect(response.data.payment.amount).toBe("27.49")
      })

      it("prices shipping tax-inclusive from the next checkout once the dashboard makes the region so", async () => {
        const container = getContainer()
        await taxTheUs(10)
        // Bob's checkout shares the option's flat price, tax-exclusive: 10 % on top of 5.00.
        await add(bob, lamp.id, 1)
        const exclusive = await checkout(bob, { shipping_address: TEST_ADDRESS })
        expect(exclusive.status).toBe(201)
        expect(exclusive.data.order).toMatchObject({
          shipping: "5.50",
          tax: "2.50",
          total: "27.49",
        })

        // The dashboard's region settings: the region's prices include their tax from now on.
        // The option's price for the region is one of them; the lamp's is a US dollar price.
        const [region] = await container
          .resolve(Modules.REGION)
          .listRegions({ currency_code: "usd" })
        const updated = await api.post(
          `/admin/regions/${region.id}`,
          { is_tax_inclusive: true },
          { headers: admin.headers, ...anyStatus }
        )
        expect(updated.status).toBe(200)
        await waitForIdleEventQueue()

        // The shared price is priced again: 5.00 now holds its tax; the lamp's 10 % stays on top.
        await add(alice, lamp.id, 1)
        const inclusive = await checkout(alice, { shipping_address: TEST_ADDRESS })
        expect(inclusive.status).toBe(201)
        expect(inclusive.data.order).toMatchObject({ shipping: "5.00", total: "26.99" })
      })

      it("refuses an empty cart (400)", async () => {
        const response = await checkout(alice, { shipping_address: TEST_ADDRESS })
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(/empty/)
      })

      it("refuses more than the stock (409) and holds nothing", async () => {
        await add(alice, lamp.id, 3)
        await add(bob, lamp.id, 3)
        expect((await checkout(alice, { shipping_address: TEST_ADDRESS })).status).toBe(201)
        const late = await checkout(bob, { shipping_address: TEST_ADDRESS })
        expect(late.status).toBe(409)
        expect(late.data).toMatchObject({
          type: "conflict",
          message: expect.stringMatching(/Not enough stock for Desk Lamp/),
        })
        expect(await stockOf(getContainer(), lamp.id)).toMatchObject({ reserved: 3, available: 2 })
        // Bob's cart is untouched and can still be checked out once it fits.
        const cart = await api.get("/cart", { headers: bob.headers })
        expect(cart.data.items[0].quantity).toBe(3)
        await api.put(`/cart/${cart.data.items[0].id}`, { quantity: 2 }, { headers: bob.headers })
        expect((await checkout(bob, { shipping_address: TEST_ADDRESS })).status).toBe(201)
        expect(await stockOf(getContainer(), lamp.id)).toMatchObject({ reserved: 5, available: 0 })
      })

      it("validates the addresses", async () => {
        await add(alice, lamp.id, 1)
        const { country_code: _country, ...noCountry } = TEST_ADDRESS
        for (const body of [
          {},
          { shipping_address: noCountry },
          { shipping_address: { ...TEST_ADDRESS, country_code: "usa" } },
          { shipping_address: { ...TEST_ADDRESS, city: "   " } },
          { shipping_address: TEST_ADDRESS, billing_address: { city: "x" } },
          { shipping_address: TEST_ADDRESS, coupon: "FREE" },
        ]) {
          const response = await checkout(alice, body)
          expect(response.status).toBe(400)
          expect(response.data.type).toBe("invalid_data")
        }
        expect(await stockOf(getContainer(), lamp.id)).toMatchObject({ reserved: 0 })
      })

      it("is for customers only", async () => {
        expect((await checkout({ headers: {} }, { shipping_address: TEST_ADDRESS })).status).toBe(
          401
        )
        expect((await checkout(admin, { shipping_address: TEST_ADDRESS })).status).toBe(403)
      })
    })

    describe("payments without Stripe (Medusa's system provider)", () => {
      it("POST /payments/confirm pays the order; saved cards need Stripe", async () => {
        const placed = await addAndCheckout(api, alice, lamp.id, 1)
        expect(placed.status).toBe(201)
        const { order, payment } = placed.data
        const confirmed = await api.post(
          "/payments/confirm",
          { payment_id: payment.id },
          { headers: alice.headers }
        )
        expect(confirmed.data).toMatchObject({
          status: "succeeded",
          provider: "pp_system_default",
          captured_amount: payment.amount,
        })
        const { data: view } = await api.get(`/orders/${order.id}`, { headers: alice.headers })
        expect(view.status).toBe("paid")
        const cards = await api.post(
          "/payments/methods",
          { payment_method_id: "pm_card_visa" },
          { headers: alice.headers, validateStatus: () => true }
        )
        expect(cards.status).toBe(400)
        expect(cards.data.message).toMatch(/need Stripe/)
        expect((await api.get("/payments/methods", { headers: alice.headers })).data.items).toEqual(
          []
        )
      })
    })

    describe("POST /orders (direct)", () => {
      const direct = (who: { headers: Record<string, string> }, body: Record<string, unknown>) =>
        api.post("/orders", body, { headers: who.headers, ...anyStatus })

      it("orders without touching the customer's cart", async () => {
        const mug = await createCatalogProduct(api, admin.headers, {
          name: "Mug",
          price: "7.50",
          stock_quantity: 10,
        })
        await add(alice, mug.id, 1)
        const response = await direct(alice, {
          items: [
            { product_id: lamp.id, quantity: 1 },
            { product_id: mug.id, quantity: 2 },
            { product_id: mug.id, quantity: 1 },
          ],
          shipping_address: TEST_ADDRESS,
        })
        expect(response.status).toBe(201)
        expect(response.data.order).toMatchObject({
          status: "pending",
          item_count: 4,
          subtotal: "42.49",
        })
        expect(response.data.payment.amount).toBe("47.49")
        const cart = await api.get("/cart", { headers: alice.headers })
        expect(
          cart.data.items.map((i: { product_id: string; quantity: number }) => [
            i.product_id,
            i.quantity,
          ])
        ).toEqual([[mug.id, 1]])
        expect(await stockOf(getContainer(), mug.id)).toMatchObject({ reserved: 3 })
      })

      it("is a 404 for an unknown product and a 409 above the stock, holding nothing", async () => {
        const unknown = await direct(alice, {
          items: [{ product_id: "prod_nope", quantity: 1 }],
          shipping_address: TEST_ADDRESS,
        })
        expect(unknown.status).toBe(404)
        const tooMany = await direct(alice, {
          items: [{ product_id: lamp.id, quantity: 6 }],
          shipping_address: TEST_ADDRESS,
        })
        expect(tooMany.status).toBe(409)
        expect(await stockOf(getContainer(), lamp.id)).toMatchObject({ reserved: 0 })
        const carts = await getContainer()
          .resolve(Modules.CART)
          .listCarts({ customer_id: alice.id })
        expect(carts).toHaveLength(0)
      })

      it("validates the body and needs a customer", async () => {
        for (const body of [
          { items: [], shipping_address: TEST_ADDRESS },
          { items: [{ product_id: lamp.id, quantity: 0 }], shipping_address: TEST_ADDRESS },
          { items: [{ product_id: lamp.id, quantity: 1 }] },
        ]) {
          expect((await direct(alice, body)).status).toBe(400)
        }
        const body = {
          items: [{ product_id: lamp.id, quantity: 1 }],
          shipping_address: TEST_ADDRESS,
        }
        expect((await direct({ headers: {} }, body)).status).toBe(401)
        expect((await direct(admin, body)).status).toBe(403)
      })
    })

    describe("orders placed through Medusa's store API", () => {
      it("are tracked like the engine's: listed, with a history, movable", async () => {
        const orderId = await placeThroughMedusa(2)
        // Tracked by a subscriber: its lifecycle and first history entry come together.
        const order = await viewOnceStatus(orderId, "pending")
        expect(order).toMatchObject({
          status: "pending",
          hold_expires_at: null,
          user_id: alice.id,
          items: [expect.objectContaining({ product_id: lamp.id, quantity: 2 })],
          status_history: [
            expect.objectContaining({
              from: null,
              to: "pending",
              actor_type: "system",
              note: "Placed through Medusa's store API",
            }),
          ],
        })
        const listed = await api.get("/orders", { headers: alice.headers })
        expect(listed.data.items.map((o: { id: string }) => o.id)).toEqual([orderId])
        // Its payment is in the customer's history: authorized by Medusa, not captured yet.
        const payments = await api.get("/payments", { headers: alice.headers })
        expect(payments.data.items).toEqual([
          expect.objectContaining({
            order_id: orderId,
            status: "succeeded",
            captured_amount: "0.00",
          }),
        ])
        const paid = await api.put(
          `/orders/${orderId}/status`,
          { status: "paid" },
          { headers: admin.headers, ...anyStatus }
        )
        expect(paid.status).toBe(200)
        expect(paid.data.payment.captured).toBe(paid.data.total)
      })
    })

    describe("payments captured or refunded in Medusa's dashboard", () => {
      it("make the engine's pending order paid, by the system", async () => {
        const orderId = await placeThroughMedusa(1)
        await waitFor(async () => {
          const { data } = await api.get("/payments", { headers: alice.headers })
          return data.count === 1
        })
        const paymentId = await paymentOf(orderId)
        const captured = await api.post(
          `/admin/payments/${paymentId}/capture`,
          {},
          { headers: admin.headers }
        )
        expect(captured.status).toBe(200)
        const view = await viewOnceStatus(orderId, "paid")
        expect(view.status_history.at(-1)).toMatchObject({
          from: "pending",
          to: "paid",
          actor_type: "system",
          note: "Payment captured",
        })
      })

      it("record a refund made right after a capture, before the capture has paid the order", async () => {
        const orderId = await placeThroughMedusa(1)
        await waitFor(async () => {
          const { data } = await api.get("/payments", { headers: alice.headers })
          return data.count === 1
        })
        const paymentId = await paymentOf(orderId)
        // Medusa's handling of the capture's Stripe webhook holds the order's cart lock, as
        // processPaymentWorkflow does: the capture's settlement waits for it, so the refund
        // made meanwhile is handled while the order is still pending.
        const container = getContainer()
        const { data: carts } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
          entity: "order_cart",
          fields: ["cart_id"],
          filters: { order_id: orderId },
        })
        const cartId = (carts[0] as { cart_id: string }).cart_id
        const locking = container.resolve(Modules.LOCKING)
        const owner = { ownerId: "medusa-webhook-handling" }
        await locking.acquire(cartId, { ...owner, expire: 60 })
        const redis = new Redis(useTestRedis(), { maxRetriesPerRequest: 1 })
        try {
          const admin_ = { headers: admin.headers }
          expect((await api.post(`/admin/payments/${paymentId}/capture`, {}, admin_)).status).toBe(
            200
          )
          expect(
            (await api.post(`/admin/payments/${paymentId}/refund`, { amount: 5 }, admin_)).status
          ).toBe(200)
          // Everything the capture and the refund set off is done but the capture's
          // settlement, which waits for the cart.
          await waitFor(async () => (await pendingEventWork(redis)) <= 1)
          expect((await api.get(`/orders/${orderId}`, admin_)).data.status).toBe("pending")
        } finally {
          await locking.release(cartId, owner)
          redis.disconnect()
        }
        await waitForIdleEventQueue(30_000, { delayed: true })
        const { data: view } = await api.get(`/orders/${orderId}`, { headers: alice.headers })
        expect(view.status).toBe("partially_refunded")
        expect(view.status_history.map((change: { to: string }) => change.to)).toEqual([
          "pending",
          "paid",
          "partially_refunded",
        ])
      })

      it("make a refunded payment's order partially refunded, then refunded (and cancelled when unshipped)", async () => {
        const placed = await addAndCheckout(api, alice, lamp.id, 1)
        const { order, payment } = placed.data
        await api.post("/payments/confirm", { payment_id: payment.id }, { headers: alice.headers })
        const paymentId = await paymentOf(order.id)
        const statusOf = async () =>
          (await api.get(`/orders/${order.id}`, { headers: alice.headers })).data
        const refund = (body: Record<string, unknown>) =>
          api.post(`/admin/payments/${paymentId}/refund`, body, { headers: admin.headers })

        expect((await refund({ amount: 5 })).status).toBe(200)
        expect(
          (await viewOnceStatus(order.id, "partially_refunded")).status_history.at(-1)
        ).toEqual(expect.objectContaining({ from: "paid", to: "partially_refunded" }))
        // A second partial refund leaves it partially refunded; the rest refunds it.
        expect((await refund({ amount: 5 })).status).toBe(200)
        // The lamp (19.99) and its shipping (5.00): 14.99 is what is left.
        expect((await refund({ amount: 14.99 })).status).toBe(200)
        const view = await viewOnceStatus(order.id, "refunded")
        expect(view.status_history.map((change) => change.to)).toEqual([
          "pending",
          "paid",
          "partially_refunded",
          "refunded",
        ])
        expect(view.status_history.at(-1)).toMatchObject({
          from: "partially_refunded",
          actor_type: "system",
          note: "Refunded in Medusa",
        })
        const { data: listed } = await api.get(`/payments/${payment.id}`, {
          headers: alice.headers,
        })
        expect(listed).toMatchObject({ captured_amount: "24.99", refunded_amount: "24.99" })
        // Refunded in full before shipping: Medusa's order is cancelled, its stock released.
        const medusaStatus = async () => {
          const [medusaOrder] = await getContainer()
            .resolve(Modules.ORDER)
            .listOrders({ id: order.id }, { select: ["status"] })
          return medusaOrder.status
        }
        await waitFor(async () => (await medusaStatus()) === "canceled")
        expect(await stockOf(getContainer(), lamp.id)).toMatchObject({ reserved: 0 })
        expect((await statusOf()).status).toBe("refunded")
      })
    })

    describe("orders cancelled in Medusa", () => {
      it("are cancelled in the engine's status too, by the system", async () => {
        const placed = await addAndCheckout(api, alice, lamp.id, 1)
        const orderId = placed.data.order.id
        const cancelled = await api.post(
          `/admin/orders/${orderId}/cancel`,
          {},
          {
            headers: admin.headers,
          }
        )
        expect(cancelled.status).toBe(200)
        const order = await viewOnceStatus(orderId, "cancelled")
        expect(order.status_history.map((c) => c.to)).toEqual(["pending", "cancelled"])
        expect(order.status_history[1]).toMatchObject({
          from: "pending",
          actor_type: "system",
          note: "Cancelled in Medusa",
        })
        expect(order.hold_expires_at).toBeNull()
        expect(await stockOf(getContainer(), lamp.id)).toMatchObject({ reserved: 0 })
      })
    })

    describe("stock hold expiry", () => {
      it("cancels unpaid orders whose hold ended and gives their stock back", async () => {
        const expiring = await addAndCheckout(api, alice, lamp.id, 2)
        const current = await addAndCheckout(api, bob, lamp.id, 1)
        expect([expiring.status, current.status]).toEqual([201, 201])
        const container = getContainer()
        expect(await stockOf(container, lamp.id)).toMatchObject({ reserved: 3 })

        // Alice's hold ends first: the job runs at a time after hers and before Bob's.
        const service = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
        const [lifecycle] = await service.listOrderLifecycles({ order_id: expiring.data.order.id })
        await service.updateOrderLifecycles({
          id: lifecycle.id,
          hold_expires_at: new Date(Date.now() - 1000),
        })
        const report = await expireOrderHolds(container)
        expect(report).toEqual({ cancelled: [expiring.data.order.id], skipped: [] })

        const order = await api.get(`/orders/${expiring.data.order.id}`, { headers: alice.headers })
        expect(order.data.status).toBe("cancelled")
        expect(order.data.hold_expires_at).toBeNull()
        expect(order.data.status_history.at(-1)).toMatchObject({
          from: "pending",
          to: "cancelled",
          actor_type: "system",
          actor_id: null,
          note: "Not paid before the stock hold ended",
        })
        expect(await stockOf(container, lamp.id)).toMatchObject({ reserved: 1, available: 4 })
        const bobs = await api.get(`/orders/${current.data.order.id}`, { headers: bob.headers })
        expect(bobs.data.status).toBe("pending")

        // Nothing left to expire: a second run changes nothing.
        expect(await expireOrderHolds(container)).toEqual({ cancelled: [], skipped: [] })
      })

      /**
       * Two unpaid orders whose holds ended (the stuck one's first): Alice's, fulfilled in
       * Medusa's dashboard while still unpaid (the engine refuses to cancel an order with a
       * live fulfillment, so its expiry fails), and Bob's.
       */
      async function stuckAndFineOrders() {
        const stuck = await addAndCheckout(api, alice, lamp.id, 1)
        const fine = await addAndCheckout(api, bob, lamp.id, 1)
        const fulfilled = await api.post(
          `/admin/orders/${stuck.data.order.id}/fulfillments`,
          { items: [{ id: stuck.data.order.items[0].id, quantity: 1 }] },
          { headers: admin.headers }
        )
        expect(fulfilled.status).toBe(200)
        const service = getContainer().resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
        for (const [response, secondsAgo] of [
          [stuck, 20],
          [fine, 10],
        ] as const) {
          const [lifecycle] = await service.listOrderLifecycles({
            order_id: response.data.order.id,
          })
          await service.updateOrderLifecycles({
            id: lifecycle.id,
            hold_expires_at: new Date(Date.now() - secondsAgo * 1000),
          })
        }
        return { stuck: stuck.data.order.id as string, fine: fine.data.order.id as string, service }
      }

      it("retries later an expiry whose cancellation fails, without blocking the others", async () => {
        const container = getContainer()
        const { stuck, fine, service } = await stuckAndFineOrders()

        const now = new Date()
        const report = await expireOrderHolds(container, now)
        expect(report).toEqual({ cancelled: [fine], skipped: [stuck] })
        const [postponed] = await service.listOrderLifecycles({ order_id: stuck })
        expect(postponed.status).toBe("pending")
        expect(new Date(postponed.hold_expires_at as Date).getTime()).toBe(
          now.getTime() + 10 * 60_000
        )
        // Not picked again until then.
        expect(await expireOrderHolds(container, now)).toEqual({ cancelled: [], skipped: [] })
      })

      it("still expires the orders after one it can neither cancel nor postpone", async () => {
        const container = getContainer()
        const { stuck, fine, service } = await stuckAndFineOrders()
        // The postponement fails too: no hold may be moved into the future (as when the
        // order's lock or the database stays busy).
        const db = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
        await db.raw(`
          create function expiry_refuse_postpone() returns trigger language plpgsql as $$
          begin raise exception 'holds cannot be postponed (test)'; end $$`)
        await db.raw(`
          create trigger expiry_refuse_postpone before update on order_lifecycle for each row
          when (new.hold_expires_at > now()) execute function expiry_refuse_postpone()`)
        try {
          const report = await expireOrderHolds(container, new Date())
          expect(report).toEqual({ cancelled: [fine], skipped: [stuck] })
        } finally {
          await db.raw("drop trigger if exists expiry_refuse_postpone on order_lifecycle")
          await db.raw("drop function if exists expiry_refuse_postpone()")
        }
        // Not postponed: the next run tries it again.
        const [pending] = await service.listOrderLifecycles({ order_id: stuck })
        expect(pending.status).toBe("pending")
        expect(new Date(pending.hold_expires_at as Date).getTime()).toBeLessThan(Date.now())
      })

      it("leaves an order another request is working on to the next run", async () => {
        const container = getContainer()
        const busy = await addAndCheckout(api, alice, lamp.id, 1)
        const orderId = busy.data.order.id as string
        const service = container.resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
        const [lifecycle] = await service.listOrderLifecycles({ order_id: orderId })
        const heldUntil = new Date(Date.now() - 1000)
        await service.updateOrderLifecycles({ id: lifecycle.id, hold_expires_at: heldUntil })

        // A payment of the order in progress holds its lock (taken once the placement's
        // subscribers have let go of it).
        const locking = container.resolve(Modules.LOCKING)
        const payment = { ownerId: "payment-in-progress", expire: 60 }
        await waitFor(() =>
          locking.acquire(orderLockKey(orderId), payment).then(
            () => true,
            () => false
          )
        )
        const started = Date.now()
        try {
          expect(await expireOrderHolds(container)).toEqual({ cancelled: [], skipped: [orderId] })
        } finally {
          await locking.release(orderLockKey(orderId), payment)
        }
        // One short wait for the lock, not the status move's 30 s and then the
        // postponement's 30 s more under the same lock.
        expect(Date.now() - started).toBeLessThan((EXPIRY_LOCK_WAIT_SECONDS + 10) * 1000)
        // Neither cancelled nor postponed: still pending, its hold as it was.
        const [untouched] = await service.listOrderLifecycles({ order_id: orderId })
        expect(untouched.status).toBe("pending")
        expect(new Date(untouched.hold_expires_at as Date).getTime()).toBe(heldUntil.getTime())

        // Once the lock is free, the next run cancels it.
        expect(await expireOrderHolds(container)).toEqual({ cancelled: [orderId], skipped: [] })
      })
    })
  },
})
