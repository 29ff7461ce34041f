import { z } from "@medusajs/framework/zod"
import { catalogProductView } from "../../modules/catalog/view"
import { RECOMMENDATION_REASONS } from "../../utils/recommendations/ranking"

/** The recommendations answer (both routes), as `RecommendationList.render` writes it. */
export const recommendationList = z.object({
  items: z.array(
    z.object({
      reason: z
        .enum(RECOMMENDATION_REASONS)
        .describe(
          "bought_together: in paid orders with it (or with the customer's purchases); " +
            "similar: same categories, tags or name words; popular: most bought; " +
            "top_rated: best rated (no order history yet)"
        ),
      orders_together: z
        .number()
        .int()
        .nullable()
        .describe(
          "Paid orders that held both (summed over the customer's purchases); null unless bought_together"
        ),
      product: catalogProductView,
    })
  ),
})

export type RecommendationListView = z.infer<typeof recommendationList>
