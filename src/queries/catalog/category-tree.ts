import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"

/** Tag of every cached category tree; clearing it invalidates them all. */
export const CATEGORY_TREE_TAG = "catalog:categories"
/** A safety net: writes clear the cache explicitly, this bounds anything they miss. */
export const CATEGORY_TREE_TTL_SECONDS = 300

export type CategoryRecord = {
  id: string
  name: string
  handle: string
  description: string | null
  parent_category_id: string | null
  rank: number
  is_active: boolean
  is_internal: boolean
}

/** One product in one category (its direct category, not an ancestor). */
export type CategoryMembership = { product_id: string; category_id: string }

export type CategoryNode = {
  id: string
  name: string
  handle: string
  description: string | null
  parent_id: string | null
  rank: number
  /** Published, not deleted products in this category or any category below it. */
  product_count: number
  /** Admin view only. */
  is_active?: boolean
  /** Admin view only. */
  is_internal?: boolean
  children: CategoryNode[]
}

export type CategoryTreeView = {
  /** Admins see inactive and internal categories, with `is_active` and `is_internal`. */
  includeHidden: boolean
}

/**
 * The category forest with product counts. Hidden categories (inactive or internal) are
 * left out with everything below them unless `includeHidden`; counts then cover only the
 * visible categories. A product in several categories of one branch counts once per node.
 */
export function buildCategoryTree(
  categories: CategoryRecord[],
  memberships: CategoryMembership[],
  view: CategoryTreeView
): CategoryNode[] {
  const byId = new Map(categories.map((category) => [category.id, category]))
  const visibility = new Map<string, boolean>()
  const isVisible = (id: string, path = new Set<string>()): boolean => {
    const known = visibility.get(id)
    if (known !== undefined) {
      return known
    }
    const category = byId.get(id)
    let visible: boolean
    if (!category || path.has(id)) {
      // Unknown parent or a corrupt (cyclic) parent chain: not reachable from a root.
      visible = false
    } else if (!view.includeHidden && (!category.is_active || category.is_internal)) {
      visible = false
    } else if (!category.parent_category_id) {
      visible = true
    } else {
      path.add(id)
      visible = isVisible(category.parent_category_id, path)
    }
    visibility.set(id, visible)
    return visible
  }

  const productsOf = new Map<string, Set<string>>()
  for (const { product_id, category_id } of memberships) {
    if (!byId.has(category_id) || !isVisible(category_id)) {
      continue
    }
    const seen = new Set<string>()
    let current = byId.get(category_id)
    while (current && !seen.has(current.id)) {
      seen.add(current.id)
      let products = productsOf.get(current.id)
      if (!products) {
        products = new Set()
        productsOf.set(current.id, products)
      }
      products.add(product_id)
      current = current.parent_category_id ? byId.get(current.parent_category_id) : undefined
    }
  }

  const nodes = new Map<string, CategoryNode>()
  for (const category of categories) {
    if (!isVisible(category.id)) {
      continue
    }
    nodes.set(category.id, {
      id: category.id,
      name: category.name,
      handle: category.handle,
      description: category.description || null,
      parent_id: category.parent_category_id,
      rank: category.rank,
      product_count: productsOf.get(category.id)?.size ?? 0,
      ...(view.includeHidden
        ? { is_active: category.is_active, is_internal: category.is_internal }
        : {}),
      children: [],
    })
  }
  const roots: CategoryNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parent_id ? nodes.get(node.parent_id) : undefined
    if (parent) {
      parent.children.push(node)
    } else if (!node.parent_id) {
      roots.push(node)
    }
  }
  const byRank = (a: CategoryNode, b: CategoryNode) =>
    a.rank - b.rank || a.name.localeCompare(b.name)
  const sort = (list: CategoryNode[]) => {
    list.sort(byRank)
    list.forEach((node) => sort(node.children))
  }
  sort(roots)
  return roots
}

/**
 * Two reads: every category, then every (published product, category) pair. Deleted
 * products and categories are left out by Medusa's soft-delete filter.
 */
async function readCategoryTree(
  container: MedusaContainer,
  view: CategoryTreeView
): Promise<CategoryNode[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: categories }, { data: products }] = await Promise.all([
    query.graph({
      entity: "product_category",
      fields: [
        "id",
        "name",
        "handle",
        "description",
        "parent_category_id",
        "rank",
        "is_active",
        "is_internal",
      ],
    }),
    query.graph({
      entity: "product",
      fields: ["id", "categories.id"],
      filters: { status: ProductStatus.PUBLISHED },
    }),
  ])
  const memberships = products.flatMap((product) =>
    (product.categories ?? []).flatMap((category: { id: string } | null) =>
      category ? [{ product_id: product.id, category_id: category.id }] : []
    )
  )
  return buildCategoryTree(categories as CategoryRecord[], memberships, view)
}

function cachingOf(container: MedusaContainer) {
  return container.resolve(Modules.CACHING, { allowUnregistered: true })
}

function cacheKey(view: CategoryTreeView): string {
  return `catalog:categories:tree:${view.includeHidden ? "admin" : "public"}`
}

/**
 * GET /products/categories: the category tree, from Medusa's caching module (tag
 * `catalog:categories`) when it holds it, else read and cached. A cache that fails is
 * logged and bypassed.
 */
export async function loadCategoryTree(
  container: MedusaContainer,
  view: CategoryTreeView
): Promise<CategoryNode[]> {
  const caching = cachingOf(container)
  const key = cacheKey(view)
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  if (caching) {
    const cached = (await caching.get({ key, tags: [CATEGORY_TREE_TAG] })) as {
      categories: CategoryNode[]
    } | null
    if (cached) {
      return cached.categories
    }
  }
  const categories = await readCategoryTree(container, view)
  if (caching) {
    try {
      await caching.set({
        key,
        data: { categories },
        tags: [CATEGORY_TREE_TAG],
        ttl: CATEGORY_TREE_TTL_SECONDS,
        options: { autoInvalidate: false },
      })
    } catch (error) {
      logger.warn(`Category tree not cached: ${(error as Error).message}`)
    }
  }
  return categories
}

/**
 * Drops every cached category tree. Called by each category write and by the catalog
 * sync (a product published, unpublished, deleted or moved changes the counts).
 */
export async function invalidateCategoryTree(container: MedusaContainer): Promise<void> {
  await cachingOf(container)?.clear({ tags: [CATEGORY_TREE_TAG] })
}
