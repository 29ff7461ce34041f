import { model } from "@medusajs/framework/utils"

/**
 * The catalog's read model: one row per Medusa product, rebuilt by the catalog sync
 * workflow from the product, pricing, inventory and review modules (which stay the
 * source of truth). Every catalog read (list, one product, search) is one query on this
 * table. The migration adds what DML cannot express: the `search_vector` tsvector column
 * and the GIN / trigram indexes.
 */
export const CatalogProduct = model
  .define("catalog_product", {
    /** The Medusa product's id. */
    id: model.text().primaryKey(),
    handle: model.text(),
    name: model.text(),
    description: model.text().nullable(),
    is_active: model.boolean(),
    variant_id: model.text().nullable(),
    inventory_item_id: model.text().nullable(),
    price: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    category_id: model.text().nullable(),
    /** The product's categories and all their ancestors (filtering includes sub-categories). */
    category_ids: model.array(),
    /** The categories the product is in directly (the category tree's counts). */
    direct_category_ids: model.array().default([]),
    tags: model.array(),
    /** Available units (stocked minus reserved over all locations); null when not tracked. */
    stock_quantity: model.number().nullable(),
    in_stock: model.boolean(),
    rating_average: model.float().nullable(),
    review_count: model.number().default(0),
    product_created_at: model.dateTime(),
    product_updated_at: model.dateTime(),
    /** Name, category names and tags, lower-cased: what typo tolerance compares against. */
    search_text: model.text(),
    /** The product exactly as the API returns it. */
    view: model.json(),
  })
  // The admin's low-stock list filters and orders on available units (then id, for pages).
  .indexes([
    { on: ["stock_quantity", "id"] },
    // The category tree groups the active products by their direct categories: an
    // index-only scan of this partial index (docs/CATALOG.md).
    { on: ["direct_category_ids"], where: "is_active = true" },
  ])
