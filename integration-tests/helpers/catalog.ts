import { ProductStatus } from "@medusajs/framework/utils"
import type { AxiosInstance } from "axios"
import type { CatalogProductView } from "../../src/modules/catalog/types"

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
