import type { CatalogSort } from "./sql/queries"

export type { CatalogSort }

/** A product as the API returns it (the `view` column). */
export type CatalogProductView = {
  id: string
  name: string
  handle: string
  description: string | null
  /** Decimal string in major units, e.g. "19.99"; null when the product has no price. */
  price: string | null
  currency_code: string | null
  category_id: string | null
  category: { id: string; name: string; handle: string } | null
  tags: string[]
  images: { id: string; url: string }[]
  stock_quantity: number | null
  in_stock: boolean
  is_active: boolean
  rating_average: number | null
  review_count: number
  created_at: string
  updated_at: string
}

/** What the sync writes for one product. */
export type CatalogRow = {
  id: string
  handle: string
  name: string
  description: string | null
  is_active: boolean
  variant_id: string | null
  inventory_item_id: string | null
  price: string | null
  currency_code: string | null
  category_id: string | null
  category_ids: string[]
  tags: string[]
  stock_quantity: number | null
  in_stock: boolean
  rating_average: number | null
  review_count: number
  product_created_at: string
  product_updated_at: string
  search_text: string
  view: CatalogProductView
}

export type CatalogFilters = {
  category_id?: string
  tag?: string
  min_price?: string
  max_price?: string
  in_stock?: boolean
  include_inactive?: boolean
}

export type CatalogQuery = CatalogFilters & {
  q?: string
  sort?: CatalogSort
  limit: number
  offset: number
  facets?: boolean
}

/** Serialized JSON fragments, spliced into the response without a parse/stringify. */
export type CatalogPage = {
  count: number
  items: string
  category_facets?: string
  price_facets?: string
}
