import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductTagsWorkflow,
  createProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import {
  DEMO_CATEGORIES,
  DEMO_PRODUCTS,
  DEMO_TAGS,
  eurPrice,
  handleOf,
  imageUrlFor,
} from "./catalog-data"
import { backfillCatalog } from "../../tasks/catalog/backfill"
import type { StoreContext } from "./store"

type Container = ExecArgs["container"]

async function seedCategories(container: Container): Promise<Map<string, string>> {
  const productModule = container.resolve(Modules.PRODUCT)
  const ids = new Map<string, string>()
  const load = async () => {
    const categories = await productModule.listProductCategories({
      handle: DEMO_CATEGORIES.map((c) => c.handle),
    })
    categories.forEach((c) => ids.set(c.handle, c.id))
  }
  await load()
  // Parents first, so children can point at them.
  for (const level of [false, true]) {
    const missing = DEMO_CATEGORIES.filter((c) => Boolean(c.parent) === level && !ids.has(c.handle))
    if (!missing.length) {
      continue
    }
    await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: missing.map((c) => ({
          name: c.name,
          handle: c.handle,
          is_active: true,
          parent_category_id: c.parent ? ids.get(c.parent) : undefined,
        })),
      },
    })
    await load()
  }
  return ids
}

async function seedTags(container: Container): Promise<Map<string, string>> {
  const productModule = container.resolve(Modules.PRODUCT)
  const existing = await productModule.listProductTags({ value: DEMO_TAGS })
  const missing = DEMO_TAGS.filter((value) => !existing.some((t) => t.value === value))
  if (missing.length) {
    await createProductTagsWorkflow(container).run({
      input: { product_tags: missing.map((value) => ({ value })) },
    })
  }
  const tags = await productModule.listProductTags({ value: DEMO_TAGS })
  return new Map(tags.map((t) => [t.value, t.id]))
}

async function seedProducts(
  container: Container,
  ctx: StoreContext,
  categories: Map<string, string>,
  tags: Map<string, string>
): Promise<number> {
  const productModule = container.resolve(Modules.PRODUCT)
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  const handles = DEMO_PRODUCTS.map((p) => handleOf(p.name))
  const existing = await productModule.listProducts({ handle: handles }, { select: ["handle"] })
  const missing = DEMO_PRODUCTS.filter((p) => !existing.some((e) => e.handle === handleOf(p.name)))
  if (!missing.length) {
    return 0
  }
  const [profile] = await fulfillmentModule.listShippingProfiles({ type: "default" })
  await createProductsWorkflow(container).run({
    input: {
      products: missing.map((p) => {
        const handle = handleOf(p.name)
        return {
          title: p.name,
          handle,
          description: p.description,
          status: ProductStatus.PUBLISHED,
          thumbnail: imageUrlFor(handle),
          images: [{ url: imageUrlFor(handle) }],
          category_ids: [categories.get(p.category) as string],
          tag_ids: p.tags.map((t) => tags.get(t) as string),
          shipping_profile_id: profile.id,
          sales_channels: [{ id: ctx.salesChannelId }],
          options: [{ title: "Default", values: ["Default"] }],
          variants: [
            {
              title: "Default",
              sku: handle.toUpperCase(),
              manage_inventory: true,
              options: { Default: "Default" },
              prices: [
                { currency_code: "usd", amount: p.price },
                { currency_code: "eur", amount: eurPrice(p.price) },
              ],
            },
          ],
        }
      }),
    },
  })
  return missing.length
}

/** Stock for every demo SKU that has no level at the warehouse yet; existing levels are left alone. */
async function seedStock(container: Container, locationId: string): Promise<void> {
  const inventoryModule = container.resolve(Modules.INVENTORY)
  const skus = DEMO_PRODUCTS.map((p) => handleOf(p.name).toUpperCase())
  const items = await inventoryModule.listInventoryItems({ sku: skus })
  const levels = await inventoryModule.listInventoryLevels({
    inventory_item_id: items.map((i) => i.id),
    location_id: locationId,
  })
  const stockBySku = new Map(DEMO_PRODUCTS.map((p) => [handleOf(p.name).toUpperCase(), p.stock]))
  const missing = items.filter((i) => !levels.some((l) => l.inventory_item_id === i.id))
  if (missing.length) {
    await createInventoryLevelsWorkflow(container).run({
      input: {
        inventory_levels: missing.map((item) => ({
          inventory_item_id: item.id,
          location_id: locationId,
          stocked_quantity: stockBySku.get(item.sku as string) ?? 0,
        })),
      },
    })
  }
}

export async function seedCatalog(
  container: Container,
  ctx: StoreContext,
  locationId: string
): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const categories = await seedCategories(container)
  const tags = await seedTags(container)
  const created = await seedProducts(container, ctx, categories, tags)
  await seedStock(container, locationId)
  if (created) {
    logger.info(`seed: ${created} products with prices and stock`)
  }
  // The catalog read model (GET /products) is built from what is now in Medusa.
  await backfillCatalog(container)
}
