import {
  DEMO_CATEGORIES,
  DEMO_PRODUCTS,
  DEMO_TAGS,
  eurPrice,
  handleOf,
  imageUrlFor,
} from "../catalog-data"
import { DEFAULT_ADMIN_EMAIL, demoAdminCredentials } from "../demo-settings"

describe("demo catalog data", () => {
  it("has about fifty products with unique handles in known categories and tags", () => {
    const handles = DEMO_PRODUCTS.map((p) => handleOf(p.name))
    expect(DEMO_PRODUCTS.length).toBeGreaterThanOrEqual(45)
    expect(new Set(handles).size).toBe(handles.length)
    const categories = new Set(DEMO_CATEGORIES.map((c) => c.handle))
    for (const product of DEMO_PRODUCTS) {
      expect(categories.has(product.category)).toBe(true)
      expect(product.tags.every((t) => DEMO_TAGS.includes(t))).toBe(true)
      expect(product.price).toBeGreaterThan(0)
      expect(Number.isInteger(product.stock)).toBe(true)
    }
  })

  it("only nests categories under existing top-level ones", () => {
    const topLevel = new Set(DEMO_CATEGORIES.filter((c) => !c.parent).map((c) => c.handle))
    expect(
      DEMO_CATEGORIES.filter((c) => c.parent).every((c) => topLevel.has(c.parent as string))
    ).toBe(true)
  })

  it("derives handles, EUR prices and image URLs", () => {
    expect(handleOf("Chef's Knife")).toBe("chef-s-knife")
    expect(handleOf("  27-inch Monitor ")).toBe("27-inch-monitor")
    expect(eurPrice(19.99)).toBe(18.39)
    expect(eurPrice(100)).toBe(92)
    expect(imageUrlFor("yoga-mat")).toBe("https://picsum.photos/seed/yoga-mat/800/800")
  })

  it("reads admin credentials from the environment with defaults", () => {
    expect(demoAdminCredentials({}).email).toBe(DEFAULT_ADMIN_EMAIL)
    expect(demoAdminCredentials({ ADMIN_EMAIL: "a@b.c", ADMIN_PASSWORD: "pw" })).toEqual({
      email: "a@b.c",
      password: "pw",
    })
  })
})
