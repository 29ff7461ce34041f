import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  generateEntityId,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { ProductRating } from "./models/product-rating"
import { Review } from "./models/review"
import type { ProductRatingRecord } from "./types"

/**
 * Serialises recomputations of one product's rating for the rest of the transaction.
 * A transaction-scoped advisory lock lives in PostgreSQL, so it holds across server and
 * worker processes with or without Redis, and is released by commit or rollback.
 */
const LOCK_SQL = `select pg_advisory_xact_lock(hashtextextended(?, 0))`

/**
 * Rebuilds a product's rating from its approved, live reviews in one statement. Run after
 * the lock above, so its snapshot (a new one per statement under READ COMMITTED) includes
 * every review change committed before the lock was granted.
 */
const RECOMPUTE_SQL = `
insert into "product_rating" ("id", "product_id", "rating_average", "review_count")
select ?, ?, coalesce(round(avg(r."rating")::numeric, 2), 0), count(r."id")::int
  from "review" r
 where r."product_id" = ? and r."status" = 'approved' and r."deleted_at" is null
on conflict ("product_id") where "deleted_at" is null do update
   set "rating_average" = excluded."rating_average",
       "review_count" = excluded."review_count",
       "updated_at" = now()
returning "id", "product_id", "rating_average", "review_count"`

type RatingRow = {
  id: string
  product_id: string
  rating_average: string | number
  review_count: number
}

/**
 * Reviews and product ratings. Besides the generated CRUD (listReviews,
 * listAndCountReviews, createReviews, updateReviews, softDeleteReviews, restoreReviews,
 * listProductRatings, …), `recomputeProductRating` keeps the derived rating correct.
 */
export default class ReviewModuleService extends MedusaService({ Review, ProductRating }) {
  /** The product's rating from its approved reviews, written and returned. */
  @InjectTransactionManager()
  async recomputeProductRating(
    productId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<ProductRatingRecord> {
    const manager = sharedContext.transactionManager as EntityManager
    await manager.execute(LOCK_SQL, [`product_rating:${productId}`])
    const [row] = (await manager.execute(RECOMPUTE_SQL, [
      generateEntityId(undefined, "prat"),
      productId,
      productId,
    ])) as RatingRow[]
    return {
      id: row.id,
      product_id: row.product_id,
      rating_average: Number(row.rating_average),
      review_count: Number(row.review_count),
    }
  }
}
