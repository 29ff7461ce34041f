import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { REVIEW_MODULE } from ".."
import { ProductRating } from "../models/product-rating"
import { Review } from "../models/review"
import type ReviewModuleService from "../service"

jest.setTimeout(60000)

// Like every database-backed module test, it needs NODE_OPTIONS=--experimental-vm-modules
// (set by `npm run test:integration:modules` and `npm test`).
moduleIntegrationTestRunner<ReviewModuleService>({
  moduleName: REVIEW_MODULE,
  moduleModels: [Review, ProductRating],
  resolve: "./src/modules/review",
  testSuite: ({ service, MikroOrmWrapper }) => {
    const reviewOf = (product_id: string, customer_id: string, rating: number) => ({
      product_id,
      customer_id,
      rating,
      title: "Title",
      body: "Body",
    })

    it("keeps one live review per customer and product", async () => {
      const first = await service.createReviews(reviewOf("prod_1", "cus_1", 4))
      expect(first).toMatchObject({ status: "pending", verified_purchase: false })
      await expect(service.createReviews(reviewOf("prod_1", "cus_1", 5))).rejects.toThrow()
      await service.createReviews(reviewOf("prod_2", "cus_1", 5))
      await service.softDeleteReviews(first.id)
      await service.createReviews(reviewOf("prod_1", "cus_1", 5))
    })

    it("refuses ratings outside 1–5 in the database too", async () => {
      await expect(service.createReviews(reviewOf("prod_1", "cus_1", 0))).rejects.toThrow()
      await expect(service.createReviews(reviewOf("prod_1", "cus_2", 6))).rejects.toThrow()
    })

    it("derives the rating from approved, live reviews only", async () => {
      expect(await service.recomputeProductRating("prod_1")).toMatchObject({
        product_id: "prod_1",
        rating_average: 0,
        review_count: 0,
      })
      const reviews = await service.createReviews(
        [5, 4, 4, 1, 2].map((rating, i) => reviewOf("prod_1", `cus_${i}`, rating))
      )
      await service.updateReviews(
        reviews.slice(0, 4).map((review) => ({ id: review.id, status: "approved" as const }))
      )
      await service.updateReviews({ id: reviews[4].id, status: "rejected" })
      await service.softDeleteReviews(reviews[3].id)
      // Approved and live: 5, 4, 4 → 4.33.
      expect(await service.recomputeProductRating("prod_1")).toMatchObject({
        rating_average: 4.33,
        review_count: 3,
      })
      const rows = await service.listProductRatings({ product_id: "prod_1" })
      expect(rows).toHaveLength(1)
      expect(Number(rows[0].rating_average)).toBeCloseTo(4.33, 5)
    })

    it("waits for a recomputation in progress, then sees what was committed meanwhile", async () => {
      const [review] = await service.createReviews([reviewOf("prod_wait", "cus_1", 5)])
      let release = () => {}
      const held = new Promise<void>((resolve) => (release = resolve))
      let lockTaken = () => {}
      const taken = new Promise<void>((resolve) => (lockTaken = resolve))
      // Another transaction holding the product's rating lock (what a concurrent
      // recomputation does), released only after the review is approved.
      const holder = MikroOrmWrapper.forkManager().transactional(async (tx) => {
        await tx.execute("select pg_advisory_xact_lock(hashtextextended(?, 0))", [
          "product_rating:prod_wait",
        ])
        lockTaken()
        await held
      })
      await taken
      const waiting = service.recomputeProductRating("prod_wait")
      await new Promise((resolve) => setTimeout(resolve, 300))
      await service.updateReviews({ id: review.id, status: "approved" })
      release()
      await holder
      expect(await waiting).toMatchObject({ rating_average: 5, review_count: 1 })
    })

    it("ends right when changes and recomputations interleave", async () => {
      const ratings = Array.from({ length: 40 }, (_, i) => (i % 5) + 1)
      const reviews = await service.createReviews(
        ratings.map((rating, i) => reviewOf("prod_race", `cus_${i}`, rating))
      )
      // Each "request" commits its change, then recomputes, all at once.
      await Promise.all(
        reviews.map(async (review) => {
          await service.updateReviews({ id: review.id, status: "approved" })
          await service.recomputeProductRating("prod_race")
        })
      )
      const [rating] = await service.listProductRatings({ product_id: "prod_race" })
      expect(rating.review_count).toBe(40)
      expect(Number(rating.rating_average)).toBeCloseTo(3, 5)
    })
  },
})
