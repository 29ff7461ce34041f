/**
 * Benchmark data for bench/catalog-http.ts: ~1,000 real products created through Medusa's
 * workflows (prices in the store currency, categories, tags, stock at the warehouse, in
 * the default sales channel that the storefront's publishable key is linked to), then
 * the catalog read model built by the backfill. Run against a dedicated database:
 *
 *   DATABASE_URL=postgres://postgres@localhost:5432/bench_catalog REDIS_URL=redis://localhost:6379/9 \
 *     BENCH_PRODUCTS=1000 npx medusa exec ./bench/catalog-seed.ts
 *
 * Running it again adds nothing (products are recognised by their `bench-` handles).
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductTagsWorkflow,
  createProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import { backfillCatalog } from "../src/tasks/catalog/backfill"
import { DEMO_PUBLISHABLE_KEY_TITLE } from "../src/scripts/seed/demo-settings"
import { seedFulfillment } from "../src/scripts/seed/fulfillment"
import { seedStore, STORE_CURRENCY } from "../src/scripts/seed/store"
import { ADJECTIVES, BENCH_CATEGORIES, TAGS } from "./catalog-words"

const BATCH = 100

/** Deterministic pseudo-random numbers, so every run seeds the same catalog. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

type BenchProduct = {
  title: string
  handle: string
  description: string
  category: string
  tags: string[]
  price: number
  stock: number
}

export function benchProducts(count: number): BenchProduct[] {
  const next = random(42)
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]
  return Array.from({ length: count }, (_, i) => {
    const category = BENCH_CATEGORIES[i % BENCH_CATEGORIES.length]
    const adjective = pick(ADJECTIVES)
    const noun = pick(category.nouns)
    const title = `${adjective} ${noun} ${i + 1}`
    return {
      title,
      handle: `bench-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
      description: `A ${adjective.toLowerCase()} ${noun.toLowerCase()} for everyday use, model ${i + 1}.`,
      category: category.handle,
      tags: [...new Set([pick(TAGS), pick(TAGS)])],
      price: Math.round((5 + next() * 795) * 100) / 100,
      stock: Math.floor(next() * 200),
    }
  })
}

export default async function seedCatalogBench({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const productModule = container.resolve(Modules.PRODUCT)
  const inventoryModule = container.resolve(Modules.INVENTORY)
  const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
  const apiKeyModule = container.resolve(Modules.API_KEY)
  const count = Number(process.env.BENCH_PRODUCTS ?? 1000)
  const started = Date.now()

  // Store currencies, regions, sales channel + publishable key, warehouse, shipping profile.
  const ctx = await seedStore(container)
  const locationId = await seedFulfillment(container, ctx)
  const [profile] = await fulfillmentModule.listShippingProfiles({ type: "default" })

  const categoryIds = new Map<string, string>()
  const loadCategories = async () =>
    (
      await productModule.listProductCategories({ handle: BENCH_CATEGORIES.map((c) => c.handle) })
    ).forEach((c) => categoryIds.set(c.handle, c.id))
  await loadCategories()
  const newCategories = BENCH_CATEGORIES.filter((c) => !categoryIds.has(c.handle))
  if (newCategories.length) {
    await createProductCategoriesWorkflow(container).run({
      input: {
        product_categories: newCategories.map((c) => ({
          name: c.name,
          handle: c.handle,
          is_active: true,
        })),
      },
    })
    await loadCategories()
  }

  const existingTags = await productModule.listProductTags({ value: TAGS })
  const newTags = TAGS.filter((value) => !existingTags.some((t) => t.value === value))
  if (newTags.length) {
    await createProductTagsWorkflow(container).run({
      input: { product_tags: newTags.map((value) => ({ value })) },
    })
  }
  const tagIds = new Map(
    (await productModule.listProductTags({ value: TAGS })).map((t) => [t.value, t.id])
  )

  const products = benchProducts(count)
  for (let start = 0; start < products.length; start += BATCH) {
    const batch = products.slice(start, start + BATCH)
    const existing = new Set(
      (
        await productModule.listProducts(
          { handle: batch.map((p) => p.handle) },
          { select: ["handle"] }
        )
      ).map((p) => p.handle)
    )
    const missing = batch.filter((p) => !existing.has(p.handle))
    if (!missing.length) {
      continue
    }
    await createProductsWorkflow(container).run({
      input: {
        products: missing.map((p) => ({
          title: p.title,
          handle: p.handle,
          description: p.description,
          status: ProductStatus.PUBLISHED,
          category_ids: [categoryIds.get(p.category) as string],
          tag_ids: p.tags.map((t) => tagIds.get(t) as string),
          shipping_profile_id: profile.id,
          sales_channels: [{ id: ctx.salesChannelId }],
          options: [{ title: "Default", values: ["Default"] }],
          variants: [
            {
              title: "Default",
              sku: p.handle.toUpperCase(),
              manage_inventory: true,
              options: { Default: "Default" },
              prices: [{ currency_code: STORE_CURRENCY, amount: p.price }],
            },
          ],
        })),
      },
    })

    const stockBySku = new Map(missing.map((p) => [p.handle.toUpperCase(), p.stock]))
    const items = await inventoryModule.listInventoryItems({ sku: [...stockBySku.keys()] })
    await createInventoryLevelsWorkflow(container).run({
      input: {
        inventory_levels: items.map((item) => ({
          inventory_item_id: item.id,
          location_id: locationId,
          stocked_quantity: stockBySku.get(item.sku as string) ?? 0,
        })),
      },
    })
    logger.info(`bench seed: ${start + batch.length}/${products.length} products`)
  }
  const created = Date.now()

  // The read model behind GET /products (one sync per 200 products, then the lexicon).
  await backfillCatalog(container)

  const [key] = await apiKeyModule.listApiKeys({
    title: DEMO_PUBLISHABLE_KEY_TITLE,
    type: "publishable",
  })
  logger.info(
    `bench seed: products ${((created - started) / 1000).toFixed(1)} s, backfill ${((Date.now() - created) / 1000).toFixed(1)} s`
  )
  // The one line the bench needs: BENCH_PUBLISHABLE_KEY for GET /store/products.
  process.stdout.write(`BENCH_PUBLISHABLE_KEY=${key?.token}\n`)
}
