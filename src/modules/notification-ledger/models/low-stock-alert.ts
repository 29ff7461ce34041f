import { model } from "@medusajs/framework/utils"

/**
 * A product's fall below the low-stock threshold (`catalog.stock_low`), once per crossing:
 * `crossing_key` is the product and the catalog sync that saw it fall, so a redelivered
 * event finds its row. Alerts wait (`digest_id` null) until a digest claims them; the digest
 * is named after the alert whose delayed event sent it.
 */
export const LowStockAlert = model
  .define("low_stock_alert", {
    id: model.id({ prefix: "lsa" }).primaryKey(),
    crossing_key: model.text().unique(),
    product_id: model.text(),
    stock_quantity: model.number(),
    threshold: model.number(),
    digest_id: model.text().nullable(),
  })
  .indexes([{ on: ["product_id"] }, { on: ["digest_id"] }])
