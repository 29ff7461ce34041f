import { engine, unwrap, type Product, type ProductList } from "../api"
import { h, money, productImage, render } from "../dom"
import { errorBox } from "../errors"

const PAGE_SIZE = 12

type Filters = Record<string, string>

function card(product: Product): HTMLElement {
  const image = product.images[0]?.url
  return h(
    "li",
    { class: "card", "data-testid": "product-card" },
    h(
      "a",
      { href: `#/products/${product.id}` },
      productImage(image, product.name),
      h("strong", { "data-testid": "product-name" }, product.name)
    ),
    h("span", {}, money(product.price, product.currency_code)),
    product.in_stock ? null : h("span", { class: "badge" }, "Sold out"),
    product.review_count
      ? h("small", {}, `★ ${product.rating_average?.toFixed(1)} (${product.review_count})`)
      : null
  )
}

function pager(list: ProductList, filters: Filters, base: string): HTMLElement {
  const offset = list.offset
  const link = (to: number, label: string) =>
    h("a", { href: `${base}?${new URLSearchParams({ ...filters, offset: String(to) })}` }, label)
  return h(
    "nav",
    { class: "pager" },
    offset > 0 ? link(Math.max(0, offset - PAGE_SIZE), "← Previous") : null,
    h("span", {}, `${list.count ? offset + 1 : 0}–${offset + list.items.length} of ${list.count}`),
    offset + list.items.length < list.count ? link(offset + PAGE_SIZE, "Next →") : null
  )
}

async function filterForm(filters: Filters): Promise<HTMLElement> {
  const tree = await engine.GET("/products/categories").then((r) => r.data?.categories ?? [])
  // Top-level categories and their direct children, indented.
  const categories = tree.flatMap((root) => [
    { id: root.id, name: root.name },
    ...root.children.map((child) => ({ id: String(child.id), name: `  ${String(child.name)}` })),
  ])
  const form = h(
    "form",
    { class: "filters", "data-testid": "filters" },
    h(
      "select",
      { name: "category_id", "aria-label": "Category" },
      h("option", { value: "" }, "All categories"),
      ...categories.map((c) =>
        h("option", { value: c.id, selected: c.id === filters.category_id }, c.name)
      )
    ),
    h("input", {
      name: "min_price",
      placeholder: "Min $",
      value: filters.min_price ?? "",
      size: 6,
    }),
    h("input", {
      name: "max_price",
      placeholder: "Max $",
      value: filters.max_price ?? "",
      size: 6,
    }),
    h(
      "label",
      {},
      h("input", {
        type: "checkbox",
        name: "in_stock",
        value: "true",
        checked: filters.in_stock === "true",
      }),
      " In stock"
    ),
    h(
      "select",
      { name: "sort", "aria-label": "Sort" },
      ...[
        ["newest", "Newest"],
        ["price_asc", "Price: low to high"],
        ["price_desc", "Price: high to low"],
        ["name", "Name"],
        ["rating", "Rating"],
      ].map(([value, label]) => h("option", { value, selected: filters.sort === value }, label))
    ),
    h("button", { type: "submit" }, "Filter")
  ) as HTMLFormElement
  form.addEventListener("submit", (event) => {
    event.preventDefault()
    const chosen = Object.fromEntries(
      [...new FormData(form)].filter(([, v]) => String(v) !== "").map(([k, v]) => [k, String(v)])
    )
    location.hash = `#/?${new URLSearchParams(chosen)}`
  })
  return form
}

/** #/ — the catalog with filters (GET /products). */
export async function catalogPage(params: URLSearchParams): Promise<void> {
  const filters: Filters = Object.fromEntries(
    [...params].filter(([key]) =>
      ["category_id", "min_price", "max_price", "in_stock", "sort", "q"].includes(key)
    )
  )
  try {
    const list = unwrap(
      await engine.GET("/products", {
        params: {
          query: {
            ...filters,
            in_stock: filters.in_stock === "true" ? "true" : undefined,
            sort: filters.sort as "newest" | undefined,
            limit: PAGE_SIZE,
            offset: Number(params.get("offset") ?? 0),
          },
        },
      })
    )
    render(
      h("h1", {}, "Products"),
      await filterForm(filters),
      h("ul", { class: "grid" }, ...list.items.map(card)),
      list.items.length ? null : h("p", {}, "No products match these filters."),
      pager(list, filters, "#/")
    )
  } catch (error) {
    render(h("h1", {}, "Products"), errorBox(error))
  }
}

/** #/search?q= — ranked search that forgives typos (GET /products/search). */
export async function searchPage(params: URLSearchParams): Promise<void> {
  const q = params.get("q") ?? ""
  try {
    const result = unwrap(
      await engine.GET("/products/search", {
        params: { query: { q, limit: PAGE_SIZE, offset: Number(params.get("offset") ?? 0) } },
      })
    )
    render(
      h("h1", {}, `Results for “${q}”`),
      h("ul", { class: "grid", "data-testid": "search-results" }, ...result.items.map(card)),
      result.items.length ? null : h("p", {}, "Nothing found. Try another word."),
      pager(result, { q }, "#/search")
    )
  } catch (error) {
    render(h("h1", {}, "Search"), errorBox(error))
  }
}
