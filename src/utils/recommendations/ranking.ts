/** Why a product is recommended, best source first. */
export const RECOMMENDATION_REASONS = [
  "bought_together",
  "similar",
  "popular",
  "top_rated",
] as const

export type RecommendationReason = (typeof RECOMMENDATION_REASONS)[number]

/** A recommendation before rendering: the product's stored JSON and why it is there. */
export type Recommendation = {
  product_id: string
  reason: RecommendationReason
  /** Orders that held it with the product (or the customer's purchases), when by pairs. */
  orders_together: number | null
  /** The catalog's JSON of the product, as text. */
  view: string
}

/**
 * Collects recommendations from sources tried one after the other: the first source to
 * offer a product keeps it, excluded products never enter, and it stops at `limit`.
 */
export class RecommendationList {
  private readonly items: Recommendation[] = []
  private readonly seen: Set<string>

  constructor(
    private readonly limit: number,
    excluded: Iterable<string> = []
  ) {
    this.seen = new Set(excluded)
  }

  get full(): boolean {
    return this.items.length >= this.limit
  }

  /** How many more are wanted. */
  get missing(): number {
    return Math.max(0, this.limit - this.items.length)
  }

  /** Product ids already chosen or excluded (what the next source must skip). */
  get taken(): string[] {
    return [...this.seen]
  }

  add(candidates: Recommendation[]): void {
    for (const candidate of candidates) {
      if (this.full) {
        return
      }
      if (!this.seen.has(candidate.product_id)) {
        this.seen.add(candidate.product_id)
        this.items.push(candidate)
      }
    }
  }

  /** `{"items":[{reason, orders_together, product}]}`, the products' JSON spliced in. */
  render(): string {
    const items = this.items.map(
      (item) =>
        `{"reason":${JSON.stringify(item.reason)},"orders_together":${item.orders_together ?? "null"},"product":${item.view}}`
    )
    return `{"items":[${items.join(",")}]}`
  }
}
