import { buildCategoryTree, type CategoryRecord } from "../category-tree"

function category(
  id: string,
  parent: string | null,
  rank: number,
  flags: Partial<Pick<CategoryRecord, "is_active" | "is_internal">> = {}
): CategoryRecord {
  return {
    id,
    name: id,
    handle: id,
    description: null,
    parent_category_id: parent,
    rank,
    is_active: flags.is_active ?? true,
    is_internal: flags.is_internal ?? false,
  }
}

const categories = [
  category("clothing", null, 0),
  category("shoes", "clothing", 1),
  category("shirts", "clothing", 0),
  category("boots", "shoes", 0),
  category("hidden", "clothing", 2, { is_active: false }),
  category("under-hidden", "hidden", 0),
  category("staff", null, 1, { is_internal: true }),
]
/** Active products by the set of categories they are directly in (p1: boots and shoes). */
const groups = [
  { category_ids: ["boots", "shoes"], count: 1 },
  { category_ids: ["shirts"], count: 2 },
  { category_ids: ["under-hidden"], count: 1 },
  { category_ids: ["staff"], count: 1 },
  { category_ids: ["unknown"], count: 1 },
]

describe("buildCategoryTree", () => {
  it("nests by rank and counts each product once per node, hidden branches left out", () => {
    const [clothing, ...rest] = buildCategoryTree(categories, groups, {
      includeHidden: false,
    })
    expect(rest).toEqual([])
    expect(clothing).toMatchObject({ id: "clothing", parent_id: null, product_count: 3 })
    expect(clothing).not.toHaveProperty("is_active")
    expect(clothing.children.map((node) => [node.id, node.product_count])).toEqual([
      ["shirts", 2],
      ["shoes", 1],
    ])
    expect(clothing.children[1].children).toMatchObject([
      { id: "boots", parent_id: "shoes", product_count: 1, children: [] },
    ])
  })

  it("shows admins every category with its flags", () => {
    const roots = buildCategoryTree(categories, groups, { includeHidden: true })
    expect(roots.map((node) => [node.id, node.product_count, node.is_internal])).toEqual([
      ["clothing", 4, false],
      ["staff", 1, true],
    ])
    const hidden = roots[0].children.find((node) => node.id === "hidden")
    expect(hidden).toMatchObject({ is_active: false, product_count: 1 })
    expect(hidden?.children.map((node) => node.id)).toEqual(["under-hidden"])
  })

  it("survives a cyclic parent chain", () => {
    const cyclic = [category("a", "b", 0), category("b", "a", 0), category("root", null, 0)]
    const roots = buildCategoryTree(cyclic, [{ category_ids: ["a"], count: 1 }], {
      includeHidden: true,
    })
    expect(roots.map((node) => node.id)).toEqual(["root"])
  })
})
