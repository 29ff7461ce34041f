import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CATALOG_MODULE } from "../../modules/catalog"
import type CatalogModuleService from "../../modules/catalog/service"
import { PLATFORM_MODULE } from "../../modules/platform"
import type PlatformModuleService from "../../modules/platform/service"
import type { RenderedAnswer } from "../../utils/catalog/rendered-answer"

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

/** How many active products are in exactly this set of categories directly. */
export type CategoryGroup = { category_ids: string[]; count: number }

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
  groups: CategoryGroup[],
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

  // A group's products count once at every visible category on the way up from each of
  // its visible direct categories (once per node, however many of them share a branch).
  const counts = new Map<string, number>()
  for (const group of groups) {
    const reached = new Set<string>()
    for (const categoryId of group.category_ids) {
      if (!byId.has(categoryId) || !isVisible(categoryId)) {
        continue
      }
      for (
        let current = byId.get(categoryId);
        current && !reached.has(current.id);
        current = current.parent_category_id ? byId.get(current.parent_category_id) : undefined
      ) {
        reached.add(current.id)
      }
    }
    for (const id of reached) {
      counts.set(id, (counts.get(id) ?? 0) + group.count)
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
      product_count: counts.get(category.id) ?? 0,
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
 * Two reads, neither over the products: every category (an admin-made list) and the
 * catalog read model's active products grouped by their direct categories (one
 * index-only scan, docs/CATALOG.md).
 */
async function readCategoryTree(
  container: MedusaContainer,
  view: CategoryTreeView
): Promise<CategoryNode[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: categories }, groups] = await Promise.all([
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
    container.resolve<CatalogModuleService>(CATALOG_MODULE).countByDirectCategories(),
  ])
  return buildCategoryTree(categories as CategoryRecord[], groups, view)
}

function platformOf(container: MedusaContainer): PlatformModuleService {
  return container.resolve<PlatformModuleService>(PLATFORM_MODULE)
}

/**
 * GET /products/categories: `{"categories": [...]}` rendered, from the platform's catalog
 * cache (keyed by the catalog's generation, so any catalog or category write shows on the
 * next read; one rebuild at a time per process, concurrent readers wait for it).
 */
export function loadCategoryTree(
  container: MedusaContainer,
  view: CategoryTreeView
): Promise<RenderedAnswer> {
  const key = `categories:tree:${view.includeHidden ? "admin" : "public"}`
  return platformOf(container).cachedCatalogAnswer(key, async () =>
    JSON.stringify({ categories: await readCategoryTree(container, view) })
  )
}

/**
 * Drops every cached category tree (with the rest of the catalog's cached reads). Called
 * by each category write; product writes invalidate the catalog cache themselves.
 */
export async function invalidateCategoryTree(container: MedusaContainer): Promise<void> {
  await platformOf(container).invalidateCatalogCache()
}
