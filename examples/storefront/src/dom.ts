type Child = Node | string | number | null | undefined | false
type Attributes = Record<string, string | number | boolean | EventListener | undefined>

/** A DOM element: h("button", { onclick: go, "data-testid": "buy" }, "Buy"). */
export function h(tag: string, attributes: Attributes = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) {
      continue
    }
    if (typeof value === "function") {
      element.addEventListener(name.replace(/^on/, ""), value)
    } else if (value === true) {
      element.setAttribute(name, "")
    } else {
      element.setAttribute(name, String(value))
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child))
    }
  }
  return element
}

/** "19.99" and "usd" → "$19.99". */
export function money(amount: string | null | undefined, currency: string | null | undefined) {
  if (amount === null || amount === undefined) {
    return "—"
  }
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: (currency || "usd").toUpperCase(),
  }).format(Number(amount))
}

/** Replaces the page's content. */
export function render(...children: Child[]): void {
  document.getElementById("app")!.replaceChildren(h("div", {}, ...children))
}

/** A form's fields as strings. */
export function fields(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {}
  new FormData(form).forEach((value, name) => {
    values[name] = String(value).trim()
  })
  return values
}

/** A product image, or a grey box when there is none or it does not load (offline demo data). */
export function productImage(url: string | undefined, alt: string): HTMLElement {
  const placeholder = () => h("div", { class: "noimg", role: "img", "aria-label": alt })
  if (!url) {
    return placeholder()
  }
  const image = h("img", { src: url, alt, loading: "lazy" })
  image.addEventListener("error", () => image.replaceWith(placeholder()), { once: true })
  return image
}
