import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { IEventBusModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules, ProductStatus } from "@medusajs/framework/utils"
import type { AxiosResponse } from "axios"
import { REVIEW_MODULE } from "../../src/modules/review"
import { ReviewEvents } from "../../src/modules/review/events"
import type ReviewModuleService from "../../src/modules/review/service"
import { refreshVerifiedPurchasesWorkflow } from "../../src/workflows/review/refresh-verified-purchases"
import {
  createAdminUser,
  createCustomer,
  createProduct,
  createShop,
  createStoreContext,
  TEST_ADDRESS,
  waitFor,
  type AdminSession,
  type Shop,
  type Shopper,
  type CustomerSession,
  type StoreContext,
  type TestProduct,
} from "../helpers"

jest.setTimeout(180_000)

const anyStatus = { validateStatus: () => true }

type Review = { id: string; status: string; rating: number; created_at: string }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let store: StoreContext
    let product: TestProduct
    let alice: CustomerSession

    beforeEach(async () => {
      const container = getContainer()
      admin = await createAdminUser(container, api)
      store = await createStoreContext(container)
      product = await createProduct(container, store)
      alice = await createCustomer(api, store.storeHeaders, { first_name: "Alice" })
    })

    const reviewsPath = (productId: string) => `/products/${productId}/reviews`
    const newCustomer = (first_name = "Test") =>
      createCustomer(api, store.storeHeaders, { first_name })
    const post = (
      who: { headers: { authorization: string } } | undefined,
      body: Record<string, unknown>,
      productId = product.product.id
    ) => api.post(reviewsPath(productId), body, { headers: who?.headers ?? {}, ...anyStatus })
    const moderate = (reviewId: string, status: string, productId = product.product.id) =>
      api.put(
        `${reviewsPath(productId)}/${reviewId}`,
        { status },
        { headers: admin.headers, ...anyStatus }
      )
    const list = (query = "", headers: Record<string, string> = {}) =>
      api.get(`${reviewsPath(product.product.id)}${query}`, { headers, ...anyStatus })
    const review = (rating = 4) => ({ rating, title: "Good", body: "Does what it says." })

    async function storedRating(container: MedusaContainer, productId: string) {
      const [rating] = await container
        .resolve<ReviewModuleService>(REVIEW_MODULE)
        .listProductRatings({ product_id: productId })
      return rating
    }

    describe("posting and moderating", () => {
      it("keeps a new review private until an admin approves it, then counts it", async () => {
        const created = await post(alice, review(4))
        expect(created.status).toBe(201)
        expect(created.data).toEqual({
          id: expect.stringMatching(/^rev_/),
          product_id: product.product.id,
          customer_id: alice.customer.id,
          author_name: "Alice C.",
          rating: 4,
          title: "Good",
          body: "Does what it says.",
          status: "pending",
          verified_purchase: false,
          created_at: expect.any(String),
          updated_at: expect.any(String),
        })

        const before = await list()
        expect(before.status).toBe(200)
        expect(before.data).toEqual({
          items: [],
          count: 0,
          limit: 20,
          offset: 0,
          rating_average: null,
          review_count: 0,
        })
        const pending = await list("?status=pending", admin.headers)
        expect(pending.data.items.map((r: Review) => r.id)).toEqual([created.data.id])

        const approved = await moderate(created.data.id, "approved")
        expect(approved.status).toBe(200)
        expect(approved.data).toMatchObject({ id: created.data.id, status: "approved" })

        const after = await list()
        expect(after.data).toMatchObject({ count: 1, rating_average: 4, review_count: 1 })
        expect(after.data.items[0]).toMatchObject({ id: created.data.id, author_name: "Alice C." })
        expect(await storedRating(getContainer(), product.product.id)).toMatchObject({
          review_count: 1,
        })
        // The product itself carries the rating (the moderation synced the catalog).
        const shown = await api.get(`/products/${product.product.id}`)
        expect(shown.data).toMatchObject({ rating_average: 4, review_count: 1 })
      })

      it("stores and returns review text byte for byte, as JSON", async () => {
        const text = `<script>alert(1)</script> & "quotes" ' <b>bold</b> ✓`
        const created = await post(alice, { rating: 5, title: text, body: text })
        expect(created.status).toBe(201)
        expect(created.headers["content-type"]).toMatch(/^application\/json/)
        expect(created.data.title).toBe(text)
        expect(created.data.body).toBe(text)
        await moderate(created.data.id, "approved")
        const listed = await list()
        expect(listed.headers["content-type"]).toMatch(/^application\/json/)
        expect(listed.data.items[0].title).toBe(text)
        expect(listed.data.items[0].body).toBe(text)
      })

      it("rejected reviews are neither public nor counted", async () => {
        const bob = await newCustomer("Bob")
        const a = await post(alice, review(5))
        const b = await post(bob, review(1))
        await moderate(a.data.id, "approved")
        await moderate(b.data.id, "approved")
        expect((await list()).data).toMatchObject({ rating_average: 3, review_count: 2 })

        const rejected = await moderate(b.data.id, "rejected")
        expect(rejected.data.status).toBe("rejected")
        const after = await list()
        expect(after.data).toMatchObject({ count: 1, rating_average: 5, review_count: 1 })
        expect(after.data.items.map((r: Review) => r.id)).toEqual([a.data.id])
        const rejectedList = await list("?status=rejected", admin.headers)
        expect(rejectedList.data.items.map((r: Review) => r.id)).toEqual([b.data.id])
        const all = await list("?status=all", admin.headers)
        expect(all.data.count).toBe(2)
      })

      it("deletes a review (admin): gone from every list, rating follows, the pair is free again", async () => {
        const created = await post(alice, review(2))
        await moderate(created.data.id, "approved")
        expect((await list()).data.review_count).toBe(1)

        const deleted = await api.delete(`${reviewsPath(product.product.id)}/${created.data.id}`, {
          headers: admin.headers,
          ...anyStatus,
        })
        expect(deleted.status).toBe(204)
        expect((await list()).data).toMatchObject({
          count: 0,
          rating_average: null,
          review_count: 0,
        })
        expect((await list("?status=all", admin.headers)).data.count).toBe(0)
        const again = await api.delete(`${reviewsPath(product.product.id)}/${created.data.id}`, {
          headers: admin.headers,
          ...anyStatus,
        })
        expect(again.status).toBe(404)
        expect((await post(alice, review(3))).status).toBe(201)
      })
    })

    describe("the public answer, cached per catalog generation", () => {
      it("carries the catalog's caching headers and answers a matching If-None-Match with 304", async () => {
        const first = await list()
        expect(first.status).toBe(200)
        expect(first.headers["cache-control"]).toMatch(/^public, max-age=\d+/)
        expect(first.headers.etag).toEqual(expect.any(String))
        const again = await list("", { "if-none-match": first.headers.etag })
        expect(again.status).toBe(304)
        // Admins read past the cache (other statuses, unpublished products): never stored.
        const asAdmin = await list("", admin.headers)
        expect(asAdmin.status).toBe(200)
        expect(asAdmin.headers["cache-control"]).toBe("no-store")
      })

      it("shows a reviewer's new name: at once through PUT /users/{id}, soon through Medusa's route", async () => {
        const created = await post(alice, review(5))
        expect((await moderate(created.data.id, "approved")).status).toBe(200)
        const authorShown = async () => (await list()).data.items[0]?.author_name
        expect(await authorShown()).toBe("Alice C.")

        const renamed = await api.put(
          `/users/${alice.customer.id}`,
          { first_name: "Ally" },
          { headers: alice.headers, ...anyStatus }
        )
        expect(renamed.status).toBe(200)
        expect(await authorShown()).toBe("Ally C.")

        // Medusa's own route emits customer.updated; the subscriber invalidates.
        const medusa = await api.post(
          "/store/customers/me",
          { first_name: "Alicia" },
          { headers: { ...store.storeHeaders, ...alice.headers }, ...anyStatus }
        )
        expect(medusa.status).toBe(200)
        await waitFor(async () => (await authorShown()) === "Alicia C.")
      })

      it("shows a verified purchase and an anonymised author on the next read", async () => {
        const shop = await createShop(getContainer(), api, {
          name: "Teapot",
          price: "25.00",
          stock_quantity: 10,
        })
        const placed = await api.post(
          "/orders",
          { items: [{ product_id: shop.product.id, quantity: 1 }], shipping_address: TEST_ADDRESS },
          { headers: shop.alice.headers }
        )
        const created = await post(shop.alice, review(5), shop.product.id)
        expect(created.data.verified_purchase).toBe(false)
        expect((await moderate(created.data.id, "approved", shop.product.id)).status).toBe(200)
        const shown = () => api.get(reviewsPath(shop.product.id))
        const before = await shown()
        expect(before.data.items).toEqual([
          expect.objectContaining({ verified_purchase: false, author_name: expect.any(String) }),
        ])
        expect(before.data.items[0].author_name).not.toBe("Anonymous")

        // Paid: the workflow the order's status event runs, awaited so the read follows it.
        const paid = await api.put(
          `/orders/${placed.data.order.id}/status`,
          { status: "paid" },
          { headers: shop.admin.headers }
        )
        expect(paid.status).toBe(200)
        await refreshVerifiedPurchasesWorkflow(getContainer()).run({
          input: { order_id: placed.data.order.id, customer_id: shop.alice.id },
        })
        expect((await shown()).data.items[0]).toMatchObject({ verified_purchase: true })

        const deleted = await api.delete(`/users/${shop.alice.id}`, { headers: shop.alice.headers })
        expect(deleted.status).toBe(204)
        expect((await shown()).data.items[0]).toMatchObject({ author_name: "Anonymous" })
      })
    })

    describe("events", () => {
      it("emits review.created, approved, rejected and deleted with {id, product_id}", async () => {
        const eventBus = getContainer().resolve<IEventBusModuleService>(Modules.EVENT_BUS)
        const emit = jest.spyOn(eventBus, "emit")
        const workflowEvents: string[] = Object.values(ReviewEvents)
        try {
          const created = await post(alice, review(4))
          const path = `${reviewsPath(product.product.id)}/${created.data.id}`
          await moderate(created.data.id, "approved")
          await moderate(created.data.id, "rejected")
          await api.delete(path, { headers: admin.headers })
          const reviewEvents = emit.mock.calls
            .flatMap(([messages]) => (Array.isArray(messages) ? messages : [messages]))
            // Only the workflows' own events: the module also emits review.review.created, …
            .filter((message) => workflowEvents.includes(message.name))
            .map((message) => [message.name, message.data])
          const data = { id: created.data.id, product_id: product.product.id }
          expect(reviewEvents).toEqual([
            ["review.created", data],
            ["review.approved", data],
            ["review.rejected", data],
            ["review.deleted", data],
          ])
        } finally {
          emit.mockRestore()
        }
      })
    })

    describe("one review per customer and product", () => {
      it("refuses a second review with a 409", async () => {
        expect((await post(alice, review(4))).status).toBe(201)
        const second = await post(alice, review(5))
        expect(second.status).toBe(409)
        expect(second.data).toEqual({
          type: "conflict",
          message: "You have already reviewed this product",
        })
        const other = await createProduct(getContainer(), store)
        expect((await post(alice, review(5), other.product.id)).status).toBe(201)
      })

      it("lets exactly one of five concurrent posts through", async () => {
        const responses = await Promise.all(
          Array.from({ length: 5 }, (_, i) => post(alice, review(i + 1)))
        )
        const statuses = responses.map((response) => response.status).sort()
        expect(statuses).toEqual([201, 409, 409, 409, 409])
        for (const response of responses.filter((r) => r.status === 409)) {
          expect(response.data.message).toBe("You have already reviewed this product")
        }
        const all = await list("?status=all", admin.headers)
        expect(all.data.count).toBe(1)
      })
    })

    describe("rating under concurrency", () => {
      it("counts every approval when customers post and admins approve in parallel", async () => {
        const ratings = [5, 5, 4, 4, 4, 3, 5, 2, 1, 5]
        const customers = await Promise.all(ratings.map((_, i) => newCustomer(`C${i}`)))
        const posted = await Promise.all(customers.map((c, i) => post(c, review(ratings[i]))))
        expect(posted.map((r) => r.status)).toEqual(ratings.map(() => 201))

        const approved = await Promise.all(posted.map((r) => moderate(r.data.id, "approved")))
        expect(approved.map((r) => r.status)).toEqual(ratings.map(() => 200))
        const after = await list("?limit=100")
        expect(after.data).toMatchObject({ count: 10, review_count: 10, rating_average: 3.8 })
        expect(await storedRating(getContainer(), product.product.id)).toMatchObject({
          review_count: 10,
        })

        // Reject the two 1–2 star reviews and delete two 5-star ones, all at once.
        const ids = posted.map((r) => r.data.id as string)
        const changes = await Promise.all([
          moderate(ids[7], "rejected"),
          moderate(ids[8], "rejected"),
          api.delete(`${reviewsPath(product.product.id)}/${ids[0]}`, { headers: admin.headers }),
          api.delete(`${reviewsPath(product.product.id)}/${ids[1]}`, { headers: admin.headers }),
        ])
        expect(changes.map((r: AxiosResponse) => r.status)).toEqual([200, 200, 204, 204])
        // Left: 4, 4, 4, 3, 5, 5 → 25 / 6 = 4.1666…
        expect((await list()).data).toMatchObject({ review_count: 6, rating_average: 4.17 })
        const shown = await api.get(`/products/${product.product.id}`)
        expect(shown.data).toMatchObject({ rating_average: 4.17, review_count: 6 })
      })
    })

    describe("verified purchase", () => {
      let shop: Shop
      beforeEach(async () => {
        shop = await createShop(getContainer(), api, {
          name: "Kettle",
          price: "20.00",
          stock_quantity: 20,
        })
      })

      /** An unpaid (pending) order of the shop's product through POST /orders. */
      async function placeOrder(shopper: Shopper): Promise<string> {
        const placed = await api.post(
          "/orders",
          { items: [{ product_id: shop.product.id, quantity: 1 }], shipping_address: TEST_ADDRESS },
          { headers: shopper.headers, ...anyStatus }
        )
        expect(placed.status).toBe(201)
        return placed.data.order.id
      }
      const moveOrder = async (orderId: string, status: string) => {
        const moved = await api.put(
          `/orders/${orderId}/status`,
          { status },
          { headers: shop.admin.headers, ...anyStatus }
        )
        expect(moved.status).toBe(200)
      }
      const verifiedOf = async (reviewId: string) => {
        const [stored] = await getContainer()
          .resolve<ReviewModuleService>(REVIEW_MODULE)
          .listReviews({ id: reviewId })
        return stored.verified_purchase
      }
      const postReview = async (shopper: Shopper) => {
        const created = await post(shopper, review(5), shop.product.id)
        expect(created.status).toBe(201)
        return created.data as { id: string; verified_purchase: boolean }
      }

      it("needs a paid order: an unpaid one does not verify, paying does", async () => {
        const orderId = await placeOrder(shop.alice)
        const unpaid = await postReview(shop.alice)
        expect(unpaid.verified_purchase).toBe(false)
        // The review follows the order once it is paid (order.status_changed).
        await moveOrder(orderId, "paid")
        await waitFor(async () => (await verifiedOf(unpaid.id)) === true)
        // Someone who never ordered is not verified.
        expect((await postReview(shop.bob)).verified_purchase).toBe(false)
      })

      it("is true for a paid order at review time, and lost on cancellation", async () => {
        const orderId = await placeOrder(shop.alice)
        await moveOrder(orderId, "paid")
        const created = await postReview(shop.alice)
        expect(created.verified_purchase).toBe(true)
        await moveOrder(orderId, "cancelled")
        await waitFor(async () => (await verifiedOf(created.id)) === false)
      })

      it("is lost on a full refund unless another paid order still justifies it", async () => {
        const first = await placeOrder(shop.alice)
        const second = await placeOrder(shop.alice)
        await moveOrder(first, "paid")
        await moveOrder(second, "paid")
        const created = await postReview(shop.alice)
        expect(created.verified_purchase).toBe(true)
        await moveOrder(first, "refunded")
        // What the subscriber runs for that refund (run here so the check does not race it):
        // the second order still counts.
        await refreshVerifiedPurchasesWorkflow(getContainer()).run({
          input: { order_id: first, customer_id: shop.alice.id },
        })
        expect(await verifiedOf(created.id)).toBe(true)
        await moveOrder(second, "refunded")
        await waitFor(async () => (await verifiedOf(created.id)) === false)
      })
    })

    describe("refusals", () => {
      it("answers invalid reviews with a 400 naming the field", async () => {
        const cases: [Record<string, unknown>, string][] = [
          [{ ...review(), rating: 0 }, "rating"],
          [{ ...review(), rating: 6 }, "rating"],
          [{ ...review(), rating: 2.5 }, "rating"],
          [{ ...review(), rating: "5" }, "rating"],
          [{ rating: 5, body: "no title" }, "title"],
          [{ ...review(), title: "" }, "title"],
          [{ ...review(), title: "   " }, "title"],
          [{ ...review(), title: "x".repeat(201) }, "title"],
          [{ ...review(), body: "x".repeat(5001) }, "body"],
          [{ ...review(), status: "approved" }, "status"],
        ]
        for (const [body, field] of cases) {
          const response = await post(alice, body)
          expect({ body, status: response.status }).toEqual({ body, status: 400 })
          expect(response.data.type).toBe("invalid_data")
          expect(response.data.errors.map((e: { field: string }) => e.field)).toContain(field)
        }
        const badModeration = await moderate("rev_x", "published")
        expect(badModeration.status).toBe(400)
        expect((await list("?limit=0")).status).toBe(400)
        expect((await list("?status=hidden", admin.headers)).status).toBe(400)
        expect((await list("?status=all", admin.headers)).status).toBe(200)
      })

      it("requires a customer to post and an admin to moderate", async () => {
        expect((await post(undefined, review())).status).toBe(401)
        expect((await post(admin, review())).status).toBe(403)

        const created = await post(alice, review())
        const path = `${reviewsPath(product.product.id)}/${created.data.id}`
        const asCustomer = await api.put(
          path,
          { status: "approved" },
          {
            headers: alice.headers,
            ...anyStatus,
          }
        )
        expect(asCustomer.status).toBe(403)
        expect((await api.put(path, { status: "approved" }, anyStatus)).status).toBe(401)
        expect((await api.delete(path, { headers: alice.headers, ...anyStatus })).status).toBe(403)
        expect((await api.delete(path, anyStatus)).status).toBe(401)

        // Only admins see other statuses.
        expect((await list("?status=pending", alice.headers)).status).toBe(403)
        expect((await list("?status=all")).status).toBe(403)
        expect((await list("?status=approved", alice.headers)).status).toBe(200)
        expect((await list("", { authorization: "Bearer not-a-token" })).status).toBe(401)
      })

      it("is a 404 for unknown products, unpublished ones (except to admins) and foreign reviews", async () => {
        expect((await post(alice, review(), "prod_unknown")).status).toBe(404)
        const unknown = await api.get(reviewsPath("prod_unknown"), anyStatus)
        expect(unknown.status).toBe(404)
        expect(unknown.data.type).toBe("not_found")

        const draft = await createProduct(getContainer(), store, { status: ProductStatus.DRAFT })
        expect((await api.get(reviewsPath(draft.product.id), anyStatus)).status).toBe(404)
        const asAdmin = await api.get(reviewsPath(draft.product.id), {
          headers: admin.headers,
          ...anyStatus,
        })
        expect(asAdmin.status).toBe(200)
        expect((await post(alice, review(), draft.product.id)).status).toBe(404)

        const created = await post(alice, review())
        expect((await moderate("rev_unknown", "approved")).status).toBe(404)
        const other = await createProduct(getContainer(), store)
        expect((await moderate(created.data.id, "approved", other.product.id)).status).toBe(404)
        const foreignDelete = await api.delete(
          `${reviewsPath(other.product.id)}/${created.data.id}`,
          { headers: admin.headers, ...anyStatus }
        )
        expect(foreignDelete.status).toBe(404)
        // Still pending and present under its own product.
        const own = await list("?status=all", admin.headers)
        expect(own.data.items.map((r: Review) => [r.id, r.status])).toEqual([
          [created.data.id, "pending"],
        ])
      })
    })

    describe("pagination", () => {
      it("pages approved reviews newest first", async () => {
        const ids: string[] = []
        for (const name of ["First", "Second", "Third"]) {
          const customer = await newCustomer(name)
          const created = await post(customer, review(3))
          await moderate(created.data.id, "approved")
          ids.push(created.data.id)
        }
        const firstPage = await list("?limit=2")
        expect(firstPage.data).toMatchObject({ count: 3, limit: 2, offset: 0 })
        expect(firstPage.data.items.map((r: Review) => r.id)).toEqual([ids[2], ids[1]])
        const secondPage = await list("?limit=2&offset=2")
        expect(secondPage.data.items.map((r: Review) => r.id)).toEqual([ids[0]])
        const capped = await list("?limit=1000")
        expect(capped.data.limit).toBe(100)
      })
    })
  },
})
