import { ProductStatus } from "@medusajs/framework/utils"
import type { AxiosInstance } from "axios"
import type { Knex } from "knex"
import type { CatalogPage, CatalogProductView } from "../../src/modules/catalog/types"

export type CatalogProductBody = {
  name: string
  price: string | number
  description?: string | null
  currency_code?: string
  category_id?: string | null
  tags?: string[]
  stock_quantity?: number
  is_active?: boolean
  handle?: string
}

export type CatalogProduct = CatalogProductView

/** A product through the engine's POST /products (as an admin). */
export async function createCatalogProduct(
  api: AxiosInstance,
  adminHeaders: { authorization: string },
  body: CatalogProductBody
): Promise<CatalogProduct> {
  const response = await api.post("/products", body, { headers: adminHeaders })
  return response.data as CatalogProduct
}

/**
 * Products as an import through Medusa's createProductsWorkflow makes them: published, one
 * variant with managed inventory and a USD price (the bursts' spec and bench).
 */
export function importedProducts(prefix: string, n: number, offset = 0) {
  return Array.from({ length: n }, (_, index) => ({
    title: `${prefix} ${offset + index}`,
    status: ProductStatus.PUBLISHED,
    options: [{ title: "Default", values: ["Default"] }],
    variants: [
      {
        title: "Default",
        options: { Default: "Default" },
        manage_inventory: true,
        prices: [{ amount: 10, currency_code: "usd" }],
      },
    ],
  }))
}

/**
 * Rows straight into the read model (what a sync writes, minus fields no read uses), with
 * ties on every sort key, products without a price or a rating, and a few inactive ones.
 * Prices follow a hash of the number, so they do not follow the rows' physical order.
 */
export async function insertCatalogRows(
  db: Knex,
  prefix: string,
  tag: string,
  n: number,
  name: string
) {
  await db.raw(
    `insert into catalog_product (id, handle, name, is_active, price, currency_code, category_ids,
       tags, in_stock, rating_average, review_count, product_created_at, product_updated_at,
       search_text, view)
     select id, id, nm, i % 17 <> 0, pr, 'usd', '{}', array[?::text], true, rt,
       case when rt is null then 0 else i % 3 end, ts, ts, lower(nm),
       jsonb_build_object('id', id, 'name', nm, 'price', pr::text, 'rating_average', rt)
     from (select i, ? || lpad(i::text, 5, '0') as id,
       (array[?::text, lower(?::text), ? || ' ' || i])[1 + i % 3] as nm,
       case when i % 7 = 0 then null else (5 + (hashint4(i) & 2147483647) % 40)::numeric end as pr,
       case when i % 4 = 0 then null else (3 + i % 3)::real end as rt,
       timestamptz '2026-01-01 00:00:00.123456' + (i / 3) * interval '1 second' as ts
       from generate_series(1, ?::int) i) r`,
    [tag, prefix, name, name, name, n]
  )
}

/**
 * A catalog page's fields in one order, as text: the search statement and the search
 * index build the object in different orders, and their answers must be the same text.
 */
export function canonicalCatalogPage(page: CatalogPage): string {
  const { count, count_capped, items, product_ids, next_key, category_facets, price_facets } = page
  return JSON.stringify({
    count,
    count_capped,
    items,
    product_ids,
    next_key,
    category_facets,
    price_facets,
  })
}
