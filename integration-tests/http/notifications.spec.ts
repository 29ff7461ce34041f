import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { IDENTITY_MODULE } from "../../src/modules/identity"
import type IdentityModuleService from "../../src/modules/identity/service"
import { NOTIFICATION_LEDGER_MODULE } from "../../src/modules/notification-ledger"
import type NotificationLedgerModuleService from "../../src/modules/notification-ledger/service"
import { ORDER_LIFECYCLE_MODULE } from "../../src/modules/order-lifecycle"
import { OrderLifecycleEvents, statusChangedData } from "../../src/modules/order-lifecycle/events"
import type OrderLifecycleModuleService from "../../src/modules/order-lifecycle/service"
import { formatMoney } from "../../src/utils/notifications/locale"
import { sendOrderStatusEmailWorkflow } from "../../src/workflows/notification/send-order-status-email"
import {
  addAndCheckout,
  createAdminUser,
  createCatalogProduct,
  createShop,
  TestSmtpServer,
  useTestRedis,
  waitFor,
  type ReceivedMail,
  type Shop,
  waitForIdleEventQueue,
} from "../helpers"

jest.setTimeout(240_000)

// Settings load before the app boots. With Redis, the delayed retry events wait in BullMQ
// as in production; retries come quickly here.
useTestRedis()
process.env.NOTIFICATION_RETRY_DELAY_MS = "200"
// Crossings within this window share one digest; it is wide enough for two parallel stock
// edits to land in it on a loaded CI machine (1.5 s split them into two digests there).
// "Nothing more was sent" is checked once no event is left, delayed digests included.
const DIGEST_DELAY_MS = 4000
process.env.LOW_STOCK_DIGEST_DELAY_MS = String(DIGEST_DELAY_MS)
process.env.LOW_STOCK_THRESHOLD = "5"
process.env.STOREFRONT_URL = "https://shop.example"
process.env.ADMIN_DASHBOARD_URL = "https://admin.example/app"
process.env.SHOP_NAME = "Test Shop"

const smtp = new TestSmtpServer()

beforeAll(async () => {
  await smtp.start()
  process.env.SMTP_URL = smtp.url
})

afterAll(async () => {
  await smtp.stop()
})

const anyStatus = { validateStatus: () => true }
const NBSP = "\u00a0"

function mailsTo(address: string, subject?: RegExp): ReceivedMail[] {
  return smtp.messages.filter(
    (mail) => mail.to.includes(address) && (!subject || subject.test(mail.subject))
  )
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop

    beforeEach(async () => {
      smtp.clear()
      shop = await createShop(getContainer(), api, {
        name: "Lamp",
        price: "19.99",
        stock_quantity: 50,
      })
    })

    const ledger = () =>
      getContainer().resolve<NotificationLedgerModuleService>(NOTIFICATION_LEDGER_MODULE)

    async function placeOrder(shopperName: "alice" | "bob", quantity = 2) {
      const response = await addAndCheckout(api, shop[shopperName], shop.product.id, quantity)
      expect(response.status).toBe(201)
      return response.data.order as { id: string; display_id: number; total: string }
    }

    const move = (orderId: string, body: Record<string, unknown>) =>
      api.put(`/orders/${orderId}/status`, body, { headers: shop.admin.headers, ...anyStatus })

    async function historyEvents(container: MedusaContainer, orderId: string, customerId: string) {
      const changes = await container
        .resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
        .listOrderStatusChanges({ order_id: orderId }, { order: { created_at: "ASC" } })
      return changes.map((change) => statusChangedData(change, customerId))
    }

    describe("order emails", () => {
      it("mails each status once, with the items, totals, tracking and refunded amount", async () => {
        const { alice } = shop
        const order = await placeOrder("alice")
        const number = `#${order.display_id}`
        const total = formatMoney(order.total, "usd", "en")

        const placed = await smtp.waitForMessage(
          (mail) => mail.to.includes(alice.email) && mail.subject === `Order ${number} received`
        )
        expect(placed.from).toContain("no-reply")
        expect(placed.text).toContain(`- Lamp | 2 | ${formatMoney("39.98", "usd", "en")}`)
        expect(placed.text).toContain(`Total: ${total}`)
        expect(placed.text).toContain(`View your order: https://shop.example/orders/${order.id}`)
        expect(placed.html).toContain("Lamp")
        expect(placed.html).toContain(total)

        const steps: [Record<string, unknown>, string, string[]][] = [
          [{ status: "paid" }, `Payment received for order ${number}`, [total]],
          [{ status: "processing" }, `Order ${number} is being prepared`, []],
          [
            {
              status: "shipped",
              tracking_number: "1Z999AA1",
              tracking_url: "https://track.example/1Z999AA1",
            },
            `Order ${number} has shipped`,
            ["Tracking: 1Z999AA1 https://track.example/1Z999AA1"],
          ],
          [{ status: "delivered" }, `Order ${number} was delivered`, []],
          [{ status: "refunded" }, `Order ${number} was refunded`, [`Refunded: ${total}`]],
        ]
        for (const [body, subject, contents] of steps) {
          const moved = await move(order.id, body)
          expect({ subject, status: moved.status }).toEqual({ subject, status: 200 })
          const mail = await smtp.waitForMessage(
            (m) => m.to.includes(alice.email) && m.subject === subject
          )
          for (const content of contents) {
            expect(mail.text).toContain(content)
          }
        }

        // Every event delivered again, through the bus and straight to the workflow at
        // once: nothing is mailed twice.
        const container = getContainer()
        const events = await historyEvents(container, order.id, alice.id)
        expect(events.map((event) => event.to)).toEqual([
          "pending",
          "paid",
          "processing",
          "shipped",
          "delivered",
          "refunded",
        ])
        const eventBus = container.resolve(Modules.EVENT_BUS)
        await eventBus.emit({ name: "order.placed", data: { id: order.id } })
        await eventBus.emit(
          events.map((data) => ({ name: OrderLifecycleEvents.STATUS_CHANGED, data }))
        )
        const direct = await Promise.all(
          [events[1], events[1], events[3]].map((input) =>
            sendOrderStatusEmailWorkflow(container).run({ input })
          )
        )
        expect(direct.flatMap(({ result }) => result.sent)).toEqual([])
        await waitForIdleEventQueue(30_000, { delayed: true })

        const subjects = mailsTo(alice.email).map((mail) => mail.subject)
        expect(subjects.sort()).toEqual(
          [
            `Order ${number} received`,
            `Payment received for order ${number}`,
            `Order ${number} is being prepared`,
            `Order ${number} has shipped`,
            `Order ${number} was delivered`,
            `Order ${number} was refunded`,
          ].sort()
        )
        const deliveries = await ledger().listNotificationDeliveries({
          key: { $like: `%:${alice.email}` },
        })
        expect(deliveries).toHaveLength(6)
        expect(deliveries.every((row) => row.status === "sent" && row.attempts === 1)).toBe(true)
      })

      it("sends an email asked for twice at once once, neither request failing", async () => {
        const { alice } = shop
        const order = await placeOrder("alice")
        await waitForIdleEventQueue(30_000, { delayed: true })
        const container = getContainer()
        const [placed] = await historyEvents(container, order.id, alice.id)
        // As a checkout's `order.placed` and `order.status_changed` ask for one email together.
        const paid = {
          ...placed,
          id: `${placed.id}_race`,
          from: "pending" as const,
          to: "paid" as const,
        }
        const runs = await Promise.all(
          [paid, paid].map((input) => sendOrderStatusEmailWorkflow(container).run({ input }))
        )
        const outcomes = runs.map(({ result }) => [result.sent.length, result.skipped.length])
        expect(outcomes.sort()).toEqual([
          [0, 1],
          [1, 0],
        ])
        expect(mailsTo(alice.email, /^Payment received/)).toHaveLength(1)
      })

      it("writes in the customer's language, refuses stray tracking and mails the cancellation", async () => {
        const { bob } = shop
        await getContainer()
          .resolve<IdentityModuleService>(IDENTITY_MODULE)
          .createProfiles({
            actor_type: "customer",
            actor_id: bob.id,
            preferences: { locale: "de-AT" },
          })
        const order = await placeOrder("bob", 1)
        const number = `#${order.display_id}`

        const placed = await smtp.waitForMessage(
          (mail) =>
            mail.to.includes(bob.email) && mail.subject === `Bestellung ${number} eingegangen`
        )
        // US dollars, written the German way.
        expect(placed.text).toContain(`Gesamt: ${order.total.replace(".", ",")}${NBSP}$`)
        expect(placed.html).toMatch(/<html[^>]*lang="de"/)

        // Tracking goes with shipped only: refused, and the order is still pending.
        const refused = await move(order.id, { status: "paid", tracking_number: "1Z" })
        expect(refused.status).toBe(400)
        expect(refused.data.errors).toEqual([expect.objectContaining({ field: "tracking_number" })])
        expect(
          (await move(order.id, { status: "shipped", tracking_url: "not a url" })).status
        ).toBe(400)
        // It becomes a link in the email: web addresses only.
        expect(
          (await move(order.id, { status: "shipped", tracking_url: "javascript:alert(1)" })).status
        ).toBe(400)

        const cancelled = await api.delete(`/orders/${order.id}`, {
          headers: bob.headers,
          ...anyStatus,
        })
        expect(cancelled.status).toBe(200)
        const mail = await smtp.waitForMessage(
          (m) => m.to.includes(bob.email) && m.subject === `Bestellung ${number} wurde storniert`
        )
        expect(mail.text).toContain("storniert")
        expect(mailsTo(shop.alice.email)).toEqual([])
      })

      it("states the amount refunded so far: a partial refund, then the rest", async () => {
        const { alice, admin } = shop
        const placed = await addAndCheckout(api, alice, shop.product.id, 1)
        expect(placed.status).toBe(201)
        const { order, payment } = placed.data as {
          order: { id: string; display_id: number; total: string }
          payment: { id: string }
        }
        const number = `#${order.display_id}`
        const confirmed = await api.post(
          "/payments/confirm",
          { payment_id: payment.id },
          { headers: alice.headers, ...anyStatus }
        )
        expect(confirmed.status).toBe(200)
        await smtp.waitForMessage(
          (m) => m.to.includes(alice.email) && m.subject === `Payment received for order ${number}`
        )

        const refund = (body: Record<string, unknown>) =>
          api.post(
            "/payments/refund",
            { payment_id: payment.id, ...body },
            { headers: admin.headers, ...anyStatus }
          )
        expect((await refund({ amount: "5.00" })).status).toBe(200)
        const partial = await smtp.waitForMessage(
          (m) => m.to.includes(alice.email) && m.subject === `Partial refund for order ${number}`
        )
        const five = formatMoney("5.00", "usd", "en")
        expect(partial.text).toContain(`We refunded ${five} of order ${number} so far.`)
        expect(partial.text).toContain(`Refunded: ${five}`)
        expect(partial.html).toContain(five)

        // The rest: the email states everything refunded, which is the order's total.
        expect((await refund({})).status).toBe(200)
        const full = await smtp.waitForMessage(
          (m) => m.to.includes(alice.email) && m.subject === `Order ${number} was refunded`
        )
        const total = formatMoney(order.total, "usd", "en")
        expect(total).not.toBe(five)
        expect(full.text).toContain(`Refunded: ${total}`)
        await waitForIdleEventQueue(30_000, { delayed: true })
        expect(mailsTo(alice.email, /refund/i)).toHaveLength(2)
      })

      it("answers the order although SMTP is failing, and the email arrives on a retry", async () => {
        const { alice } = shop
        smtp.failNext(2)
        const order = await placeOrder("alice", 1)
        const subject = `Order #${order.display_id} received`

        await smtp.waitForMessage(
          (m) => m.to.includes(alice.email) && m.subject === subject,
          30_000
        )
        expect(smtp.refused).toBe(2)
        await waitForIdleEventQueue(30_000, { delayed: true })
        expect(mailsTo(alice.email, /received/)).toHaveLength(1)
        const [delivery] = await ledger().listNotificationDeliveries({
          key: `order.placed:${order.id}:${alice.email}`,
        })
        expect(delivery).toEqual(
          expect.objectContaining({ status: "sent", attempts: 3, last_error: null })
        )
        // The notification module recorded the two failures and the success.
        const notifications = await getContainer()
          .resolve(Modules.NOTIFICATION)
          .listNotifications({ to: alice.email, template: "order-placed" })
        expect(notifications.map((n) => n.status).sort()).toEqual(["failure", "failure", "success"])
        // Addressed to the customer, though `order.placed` (which asks for it) names only the order.
        expect(notifications.every((n) => n.receiver_id === alice.id)).toBe(true)
      })
    })

    describe("dashboard emails", () => {
      it("resets an admin's password from the emailed dashboard link", async () => {
        const { admin } = shop
        const requested = await api.post("/auth/user/emailpass/reset-password", {
          identifier: admin.email,
        })
        expect(requested.status).toBe(201)

        const mail = await smtp.waitForMessage(
          (m) => m.to.includes(admin.email) && m.subject === "Reset your admin password"
        )
        const match = mail.text.match(/https:\/\/admin\.example\/app\/reset-password\?\S+/)
        expect(match).not.toBeNull()
        const link = new URL(match![0])
        expect(link.searchParams.get("email")).toBe(admin.email)
        const token = link.searchParams.get("token") as string
        expect(mail.html).toContain("https://admin.example/app/reset-password?token=")

        // What the dashboard's reset page does with the token.
        const updated = await api.post(
          "/auth/user/emailpass/update",
          { password: "brand-new-password-2" },
          { headers: { authorization: `Bearer ${token}` }, ...anyStatus }
        )
        expect(updated.status).toBe(200)

        const fresh = await api.post(
          "/auth/user/emailpass",
          { email: admin.email, password: "brand-new-password-2" },
          anyStatus
        )
        expect(fresh.status).toBe(200)
        expect(fresh.data.token).toEqual(expect.any(String))
        const old = await api.post(
          "/auth/user/emailpass",
          { email: admin.email, password: admin.password },
          anyStatus
        )
        expect(old.status).toBe(401)
        // The token works once.
        const again = await api.post(
          "/auth/user/emailpass/update",
          { password: "third-password-3" },
          { headers: { authorization: `Bearer ${token}` }, ...anyStatus }
        )
        expect(again.status).toBe(401)
      })

      it("sends nothing for an unknown address, and no admin email for a customer's reset", async () => {
        await api.post("/auth/user/emailpass/reset-password", { identifier: "nobody@shop.test" })
        await api.post("/auth/customer/emailpass/reset-password", {
          identifier: shop.alice.email,
        })
        await waitForIdleEventQueue(30_000, { delayed: true })
        expect(smtp.messages.filter((m) => /admin password/.test(m.subject))).toEqual([])
      })

      it("mails an invite whose link lets the new admin join", async () => {
        const invitee = `invitee-${Date.now()}@shop.test`
        const created = await api.post(
          "/admin/invites",
          { email: invitee },
          { headers: shop.admin.headers }
        )
        expect(created.status).toBe(200)

        const mail = await smtp.waitForMessage(
          (m) =>
            m.to.includes(invitee) && m.subject === "You are invited to the Test Shop dashboard"
        )
        const match = mail.text.match(/https:\/\/admin\.example\/app\/invite\?token=(\S+)/)
        expect(match).not.toBeNull()
        const inviteToken = decodeURIComponent(match![1])
        expect(inviteToken).toBe(created.data.invite.token)

        // What the dashboard's invite page does: register, then accept with the token.
        const registered = await api.post("/auth/user/emailpass/register", {
          email: invitee,
          password: "invited-password-1",
        })
        const accepted = await api.post(
          `/admin/invites/accept?token=${encodeURIComponent(inviteToken)}`,
          { email: invitee, first_name: "Ivy", last_name: "Vite" },
          { headers: { authorization: `Bearer ${registered.data.token}` }, ...anyStatus }
        )
        expect(accepted.status).toBe(200)
        const login = await api.post("/auth/user/emailpass", {
          email: invitee,
          password: "invited-password-1",
        })
        expect(login.status).toBe(200)
        expect(mailsTo(invitee)).toHaveLength(1)
      })
    })

    describe("low-stock alerts", () => {
      it("mails one digest and posts one bell entry per crossing, nothing on the way back up", async () => {
        const { admin } = shop
        const second = await createAdminUser(getContainer(), api)
        const lamp = await createCatalogProduct(api, admin.headers, {
          name: "Desk lamp",
          price: "30.00",
          stock_quantity: 10,
        })
        const vase = await createCatalogProduct(api, admin.headers, {
          name: "Vase",
          price: "12.00",
          stock_quantity: 10,
        })
        const setStock = async (id: string, stock: number) => {
          const response = await api.put(
            `/products/${id}`,
            { stock_quantity: stock },
            { headers: admin.headers, ...anyStatus }
          )
          expect(response.status).toBe(200)
        }
        const lowStockMails = (address: string) => mailsTo(address, /^Low stock/)
        const feed = async () => {
          const { data } = await api.get("/admin/notifications", {
            headers: admin.headers,
            params: { channel: "feed", fields: "id,to,data,created_at" },
          })
          return data.notifications as {
            to: string
            data: { title: string; description: string }
          }[]
        }

        // Both fall below 5 together: one digest to each admin and one bell entry.
        await Promise.all([setStock(lamp.id, 3), setStock(vase.id, 1)])
        const digest = await smtp.waitForMessage(
          (m) => m.to.includes(admin.email) && m.subject === "Low stock: 2 products"
        )
        expect(digest.text).toContain("- Vase | 1 | 5")
        expect(digest.text).toContain("- Desk lamp | 3 | 5")
        expect(digest.text.indexOf("Vase")).toBeLessThan(digest.text.indexOf("Desk lamp"))
        expect(digest.text).toContain("https://admin.example/app/inventory")
        await smtp.waitForMessage(
          (m) => m.to.includes(second.email) && /^Low stock/.test(m.subject)
        )
        await waitFor(async () => (await feed()).length === 1)
        expect((await feed())[0]).toEqual(
          expect.objectContaining({
            to: "",
            data: expect.objectContaining({
              title: "Low stock: 2 products",
              description: "Vase: 1\nDesk lamp: 3",
            }),
          })
        )

        // Selling more of a low product is not a new crossing; back up above is none either.
        await setStock(lamp.id, 2)
        await setStock(vase.id, 12)
        await waitForIdleEventQueue(30_000, { delayed: true })
        expect(lowStockMails(admin.email)).toHaveLength(1)

        // Falling again is a new crossing.
        await setStock(vase.id, 4)
        await smtp.waitForMessage(
          (m) => m.to.includes(admin.email) && m.subject === "Low stock: 1 product"
        )

        // That crossing's event delivered again: recognised, nothing more is sent.
        const alerts = await ledger().listLowStockAlerts(
          { product_id: vase.id },
          { order: { created_at: "ASC" } }
        )
        expect(alerts).toHaveLength(2)
        const latest = alerts[1]
        await getContainer()
          .resolve(Modules.EVENT_BUS)
          .emit({
            name: "catalog.stock_low",
            data: {
              product_id: vase.id,
              stock_quantity: latest.stock_quantity,
              threshold: latest.threshold,
              sync_version: latest.crossing_key.slice(vase.id.length + 1),
            },
          })
        await waitForIdleEventQueue(30_000, { delayed: true })
        expect(await ledger().listLowStockAlerts({ product_id: vase.id })).toHaveLength(2)
        expect(lowStockMails(admin.email).map((m) => m.subject)).toEqual([
          "Low stock: 2 products",
          "Low stock: 1 product",
        ])
        expect(lowStockMails(second.email)).toHaveLength(2)
        const entries = await feed()
        expect(entries.map((entry) => entry.data.title).sort()).toEqual([
          "Low stock: 1 product",
          "Low stock: 2 products",
        ])

        // The bell is the admins': a customer's token reads nothing.
        const asCustomer = await api.get("/admin/notifications", {
          headers: shop.alice.headers,
          ...anyStatus,
        })
        expect(asCustomer.status).toBe(401)
      })
    })
  },
})
