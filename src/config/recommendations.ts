import { positiveIntFromEnv } from "../utils/env"

export type RecommendationSettings = {
  /** A pair is "bought together" once at least this many counted orders held both. */
  minPairOrders: number
  /**
   * Orders with more distinct products than this count for popularity and the customer's
   * purchases but not for pairs: a huge basket says little about what goes together, and
   * its pairs grow with the square of its size.
   */
  maxPairProducts: number
}

export function readRecommendationSettings(
  env: NodeJS.ProcessEnv = process.env
): RecommendationSettings {
  return {
    minPairOrders: positiveIntFromEnv(
      env.RECOMMENDATIONS_MIN_PAIR_ORDERS,
      2,
      "RECOMMENDATIONS_MIN_PAIR_ORDERS"
    ),
    maxPairProducts: positiveIntFromEnv(
      env.RECOMMENDATIONS_MAX_PAIR_PRODUCTS,
      20,
      "RECOMMENDATIONS_MAX_PAIR_PRODUCTS"
    ),
  }
}

let cached: RecommendationSettings | undefined

export function recommendationSettings(): RecommendationSettings {
  cached ??= readRecommendationSettings()
  return cached
}
