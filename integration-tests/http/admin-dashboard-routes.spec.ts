import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { addAndCheckout, createShop, type AdminSession, type Shop } from "../helpers"

jest.setTimeout(180_000)

const anyStatus = { validateStatus: () => true }

// The /admin versions of engine routes the dashboard calls (reviews queue and moderation,
// product ratings, order lifecycle and moves, reconciliation findings): who may call them,
// what they refuse, and that they act as the root routes do.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    let admin: AdminSession

    beforeEach(async () => {
      shop = await createShop(getContainer(), api, {
        name: "Desk Lamp",
        price: "19.99",
        stock_quantity: 5,
      })
      admin = shop.admin
    })

    const adminGet = (path: string) => api.get(path, { headers: admin.headers, ...anyStatus })
    const adminPost = (path: string, body: unknown) =>
      api.post(path, body, { headers: admin.headers, ...anyStatus })

    async function pendingReview(): Promise<string> {
      const created = await api.post(
        `/products/${shop.product.id}/reviews`,
        { rating: 4, title: "Good", body: "Does what it says." },
        { headers: shop.alice.headers }
      )
      return created.data.id
    }

    it("refuses anonymous callers and customers on every route", async () => {
      const reviewId = await pendingReview()
      const paths = [
        ["get", "/admin/reviews"],
        ["post", "/admin/reviews/moderate"],
        ["get", `/admin/product-ratings/${shop.product.id}`],
        ["get", "/admin/order-lifecycle/order_missing"],
        ["post", "/admin/order-lifecycle/order_missing/status"],
        ["get", "/admin/reconciliation-findings"],
      ] as const
      for (const [method, path] of paths) {
        const body = { review_ids: [reviewId], status: "approved" }
        for (const headers of [{}, shop.alice.headers]) {
          const response =
            method === "get"
              ? await api.get(path, { headers, ...anyStatus })
              : await api.post(path, body, { headers, ...anyStatus })
          expect({ path, status: response.status }).toEqual({ path, status: 401 })
        }
      }
      const list = await api.get(`/products/${shop.product.id}/reviews`)
      expect(list.data.items).toEqual([])
    })

    it("lists the queue pending first and moderates many at once; bad input is a 400", async () => {
      const reviewId = await pendingReview()
      const queue = await adminGet("/admin/reviews?status=pending")
      expect(queue.status).toBe(200)
      expect(queue.data.items.map((item: { id: string }) => item.id)).toEqual([reviewId])
      expect((await adminGet("/admin/reviews?rating=9")).status).toBe(400)

      for (const body of [
        { review_ids: [], status: "approved" },
        { review_ids: [reviewId], status: "maybe" },
        { review_ids: [reviewId], status: "approved", moderated_by: "user_forged" },
        { review_ids: ["rev\u0000x"], status: "approved" },
      ]) {
        expect((await adminPost("/admin/reviews/moderate", body)).status).toBe(400)
      }
      const pending = await adminGet(`/admin/product-ratings/${shop.product.id}`)
      expect(pending.data).toMatchObject({ review_count: 0, pending_count: 1 })

      const moderated = await adminPost("/admin/reviews/moderate", {
        review_ids: [reviewId],
        status: "approved",
      })
      expect(moderated.status).toBe(200)
      const list = await api.get(`/products/${shop.product.id}/reviews`)
      expect(list.data.items.map((item: { id: string }) => item.id)).toEqual([reviewId])
      const rating = await adminGet(`/admin/product-ratings/${shop.product.id}`)
      expect(rating.data).toMatchObject({ rating_average: 4, review_count: 1, pending_count: 0 })
    })

    it("shows an order's lifecycle and moves it as PUT /orders/{id}/status does", async () => {
      const checkout = await addAndCheckout(api, shop.alice, shop.product.id)
      expect(checkout.status).toBe(201)
      const orderId = checkout.data.order.id

      const lifecycle = await adminGet(`/admin/order-lifecycle/${orderId}`)
      expect(lifecycle.data).toMatchObject({ order_id: orderId, status: "pending" })
      expect(lifecycle.data.allowed_moves).toContain("paid")
      expect(lifecycle.data.allowed_moves).not.toContain("shipped")

      const illegal = await adminPost(`/admin/order-lifecycle/${orderId}/status`, {
        status: "shipped",
      })
      expect(illegal.status).toBe(409)
      expect((await adminPost(`/admin/order-lifecycle/${orderId}/status`, {})).status).toBe(400)
      for (const status of ["paid", "pending", "partially_refunded"]) {
        const missing = await adminPost(`/admin/order-lifecycle/order_missing/status`, { status })
        expect({ status, code: missing.status }).toEqual({ status, code: 404 })
      }
      expect((await adminGet("/admin/order-lifecycle/order_missing")).status).toBe(404)

      const moved = await adminPost(`/admin/order-lifecycle/${orderId}/status`, {
        status: "paid",
        note: "paid by bank transfer",
      })
      expect(moved.status).toBe(200)
      expect(moved.data.status).toBe("paid")
      expect(moved.data.history.at(-1)).toMatchObject({
        from: "pending",
        to: "paid",
        note: "paid by bank transfer",
      })
      const viaRoot = await api.get(`/orders/${orderId}`, { headers: shop.alice.headers })
      expect(viaRoot.data.status).toBe("paid")
    })

    it("lists reconciliation findings and validates the query", async () => {
      const findings = await adminGet("/admin/reconciliation-findings")
      expect(findings.status).toBe(200)
      expect(findings.data).toMatchObject({ items: [], count: 0 })
      expect((await adminGet("/admin/reconciliation-findings?limit=abc")).status).toBe(400)
      expect((await adminGet("/admin/reconciliation-findings?resolution=nope")).status).toBe(400)
    })
  },
})
