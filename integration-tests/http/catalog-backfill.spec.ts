import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import type { Knex } from "knex"
import { CATALOG_MODULE } from "../../src/modules/catalog"
import type CatalogModuleService from "../../src/modules/catalog/service"
import { backfillCatalog } from "../../src/tasks/catalog/backfill"
import {
  createCommerceSetup,
  importedProducts,
  insertCatalogRows,
  useTestRedis,
  waitForIdleEventQueue,
} from "../helpers"

// The import's events go through the catalog's shared sync queue, as in production; the
// tests wait for it to be idle before they touch the read model.
useTestRedis()

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const db = () => getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    const catalogRows = async (): Promise<{ id: string; name: string }[]> =>
      (await db()("catalog_product").select("id", "name")).sort((a, b) =>
        a.id < b.id ? -1 : a.id > b.id ? 1 : 0
      )
    const idsOf = (rows: { id: string }[]) => rows.map((row) => row.id).sort()

    /** `n` products made as an import makes them; their ids and titles, by id. */
    async function importProducts(prefix: string, n: number) {
      await createCommerceSetup(getContainer())
      const { result } = await createProductsWorkflow(getContainer()).run({
        input: { products: importedProducts(prefix, n) },
      })
      // Whatever the import's events ask of the catalog is done before the test goes on.
      await waitForIdleEventQueue(60_000)
      return result
        .map((product) => ({ id: product.id, name: product.title }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    }

    it("builds the row of every product when the products fill several pages", async () => {
      const container = getContainer()
      const products = await importProducts("Backfilled lamp", 8)
      // Every product the store has, not only this import's.
      const all = await container.resolve(Modules.PRODUCT).listProducts({}, { select: ["id"] })
      expect(idsOf(all)).toEqual(idsOf(products))

      // An empty read model, as before the first backfill (or after a restore of Medusa's
      // data alone).
      await container
        .resolve<CatalogModuleService>(CATALOG_MODULE)
        .deleteCatalogProducts(idsOf(products))
      expect(await catalogRows()).toEqual([])

      // Pages of 3: 3 + 3 + 2 products.
      const outcome = await backfillCatalog(container, 3)

      expect(outcome).toEqual({ synced: 8, removed: 0 })
      expect(await catalogRows()).toEqual(products)
      // One sync per page: each sync numbers the rows it writes (sync_version) with the one
      // number it took, so the rows fall into three groups, in page order.
      const pages = await db()("catalog_product")
        .select("sync_version")
        .count("* as rows")
        .groupBy("sync_version")
        .orderBy("sync_version")
      expect(pages.map((page) => Number(page.rows))).toEqual([3, 3, 2])
      const listed = await api.get("/products?limit=100&sort=name")
      expect(listed.data.count).toBe(8)
    })

    it("removes the rows of products that are gone: deleted while no sync ran, or never there", async () => {
      const container = getContainer()
      const products = await importProducts("Backfilled mouse", 5)
      const [deleted, ...kept] = products
      // Deleted the way Medusa deletes a product (soft delete), but without the events that
      // would have made the catalog drop its row: as when that sync failed.
      await db()("product").where({ id: deleted.id }).update({ deleted_at: db().fn.now() })
      // Rows of products that never existed here (e.g. a read model restored from elsewhere):
      // four, so that they fill two of the removal's pages of 2.
      await insertCatalogRows(db(), "prod_stale_", "stale", 4, "Stale mouse")
      const stale = idsOf(await db()("catalog_product").where("id", "like", "prod_stale_%"))
      expect(stale).toHaveLength(4)
      expect(idsOf(await catalogRows())).toEqual([...idsOf(products), ...stale].sort())

      const outcome = await backfillCatalog(container, 2)

      expect(outcome).toEqual({ synced: 4, removed: 5 })
      expect(await catalogRows()).toEqual(kept)
      const gone = await api.get(`/products/${deleted.id}`, { validateStatus: () => true })
      expect(gone.status).toBe(404)
      const listed = await api.get("/products?limit=100&sort=name")
      expect(listed.data.count).toBe(4)
    })
  },
})
