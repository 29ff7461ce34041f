import { model } from "@medusajs/framework/utils"

export const REVIEW_STATUSES = ["pending", "approved", "rejected"] as const

/**
 * A customer's review of a product. Product and customer are Medusa records joined by
 * read-only links (src/links/review-*.ts) on the ids stored here, never foreign keys.
 * The partial unique index is what keeps "one review per customer per product" true when
 * two requests race: the second insert fails (src/workflows/review/steps/create-review.ts
 * turns that into a 409). A soft-deleted review frees the pair again.
 */
export const Review = model
  .define("review", {
    id: model.id({ prefix: "rev" }).primaryKey(),
    product_id: model.text(),
    customer_id: model.text(),
    rating: model.number(),
    title: model.text(),
    body: model.text(),
    status: model.enum([...REVIEW_STATUSES]).default("pending"),
    verified_purchase: model.boolean().default(false),
    moderated_at: model.dateTime().nullable(),
    /** The admin user who approved or rejected it last. */
    moderated_by: model.text().nullable(),
  })
  .indexes([
    { on: ["product_id", "customer_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["product_id", "status", "created_at"] },
    { on: ["customer_id"] },
  ])
  .checks([
    {
      name: "review_rating_range",
      expression: (columns) => `${columns.rating} >= 1 AND ${columns.rating} <= 5`,
    },
  ])
