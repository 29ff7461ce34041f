import type { AxiosInstance } from "axios"

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

export type CatalogProduct = {
  id: string
  name: string
  handle: string
  description: string | null
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

/** A product through the engine's POST /products (as an admin). */
export async function createCatalogProduct(
  api: AxiosInstance,
  adminHeaders: { authorization: string },
  body: CatalogProductBody
): Promise<CatalogProduct> {
  const response = await api.post("/products", body, { headers: adminHeaders })
  return response.data as CatalogProduct
}
