import { engine, session, unwrap, type Product, type ReviewList } from "../api"
import { h, money, productImage, render } from "../dom"
import { errorBox } from "../errors"
import { flash, go } from "../router"

function reviews(list: ReviewList): HTMLElement {
  return h(
    "section",
    { "data-testid": "reviews" },
    h(
      "h2",
      {},
      list.review_count
        ? `Reviews (★ ${list.rating_average?.toFixed(1)} from ${list.review_count})`
        : "No reviews yet"
    ),
    ...list.items.map((review) =>
      h(
        "article",
        { class: "review" },
        h("strong", {}, `${"★".repeat(review.rating)} ${review.title}`),
        h("p", {}, review.body),
        h(
          "small",
          {},
          `${review.author_name}${review.verified_purchase ? " · verified purchase" : ""}`
        )
      )
    )
  )
}

const REASONS = {
  bought_together: "Often bought together",
  similar: "Similar",
  popular: "Popular",
  top_rated: "Top rated",
} as const

/**
 * GET /products/{id}/recommendations: products bought with this one, else similar,
 * popular or top-rated ones. They are extra: an engine without the route (404) or a failed
 * read shows none, and the product page still shows.
 */
async function recommendations(id: string): Promise<HTMLElement | null> {
  const found = await engine
    .GET("/products/{id}/recommendations", { params: { path: { id }, query: { limit: 4 } } })
    .catch(() => undefined)
  const items = found?.response.ok ? (found.data?.items ?? []) : []
  if (!items.length) {
    return null
  }
  return h(
    "section",
    { "data-testid": "recommendations" },
    h("h2", {}, "You may also like"),
    h(
      "ul",
      { class: "grid" },
      ...items.map(({ product, reason }) =>
        h(
          "li",
          { class: "card", "data-testid": "recommendation" },
          h(
            "a",
            { href: `#/products/${product.id}` },
            productImage(product.images[0]?.url, product.name),
            h("strong", {}, product.name)
          ),
          h("span", {}, money(product.price, product.currency_code)),
          h("small", {}, REASONS[reason])
        )
      )
    )
  )
}

function buyForm(product: Product): HTMLElement {
  const status = h("div")
  const form = h(
    "form",
    { class: "buy" },
    h("input", {
      type: "number",
      name: "quantity",
      min: 1,
      max: 99,
      value: 1,
      "aria-label": "Quantity",
    }),
    h(
      "button",
      { type: "submit", "data-testid": "add-to-cart", disabled: !product.in_stock },
      "Add to cart"
    ),
    status
  ) as HTMLFormElement
  form.addEventListener("submit", async (event) => {
    event.preventDefault()
    if (!session.isSignedIn()) {
      go(`#/login?next=${encodeURIComponent(location.hash)}`)
      return
    }
    const quantity = Number(new FormData(form).get("quantity") || 1)
    const added = await engine.POST("/cart/add", { body: { product_id: product.id, quantity } })
    try {
      unwrap(added)
      flash(`Added ${product.name} to your cart.`)
      status.replaceChildren()
    } catch (error) {
      status.replaceChildren(errorBox(error))
    }
  })
  return form
}

/** #/products/:id — the product, its reviews, and recommendations when available. */
export async function productPage(id: string): Promise<void> {
  try {
    const product = unwrap(await engine.GET("/products/{id}", { params: { path: { id } } }))
    const [reviewList, recommended] = await Promise.all([
      engine
        .GET("/products/{id}/reviews", { params: { path: { id }, query: { limit: 10 } } })
        .then(unwrap),
      recommendations(id),
    ])
    const image = product.images[0]?.url
    render(
      h(
        "div",
        { class: "product" },
        productImage(image, product.name),
        h(
          "div",
          {},
          h("h1", { "data-testid": "product-title" }, product.name),
          h("p", { class: "price" }, money(product.price, product.currency_code)),
          h(
            "p",
            { "data-testid": "stock" },
            product.in_stock ? `In stock (${product.stock_quantity ?? "plenty"})` : "Sold out"
          ),
          h("p", {}, product.description ?? ""),
          buyForm(product)
        )
      ),
      reviews(reviewList),
      recommended
    )
  } catch (error) {
    render(h("h1", {}, "Product"), errorBox(error))
  }
}
