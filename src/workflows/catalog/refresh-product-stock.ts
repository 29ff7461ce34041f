import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { readCatalogStockStep } from "./steps/read-catalog-stock"
import { writeCatalogStock } from "./write-catalog-stock"

export type RefreshProductStockInput = { product_ids: string[] }

export type RefreshProductStockResult = {
  /**
   * Asked for but not written: not in the catalog yet (a sync of them is still to come), or
   * their row changed variant since the read (a sync landed in between). Sync them.
   */
  missing_product_ids: string[]
}

/**
 * Brings the catalog's stock of products up to date from Medusa's inventory: one numbered
 * read and one write of the stock columns (writeCatalogStock), instead of a rebuild of
 * their whole rows, for a change that can only have moved stock (an inventory level's
 * update: a checkout's reservation, a fulfilment, a dashboard edit). A product whose row a
 * sync has not made yet, or whose row's variant a sync changed between this read and this
 * write, is answered as missing: that sync may have read the stock before this change, so
 * the caller asks for another (a row a later-numbered write already set is answered so too;
 * its rebuild is one more idempotent sync).
 */
export const refreshProductStockWorkflow = createWorkflow(
  "catalog-refresh-product-stock",
  (input: RefreshProductStockInput) => {
    const read = readCatalogStockStep(input)
    const written = writeCatalogStock(read)
    const result = transform(
      { input, written },
      ({ input, written }): RefreshProductStockResult => {
        const done = new Set(written.product_ids)
        return { missing_product_ids: input.product_ids.filter((id) => !done.has(id)) }
      }
    )
    return new WorkflowResponse(result)
  }
)
