import { z } from "@medusajs/framework/zod"

export const DEFAULT_RECOMMENDATIONS = 10
export const MAX_RECOMMENDATIONS = 50

/** `?limit=` of both recommendation routes: 1–50, default 10. */
export const recommendationsQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_RECOMMENDATIONS)
    .optional()
    .default(DEFAULT_RECOMMENDATIONS),
})

export type RecommendationsQuery = z.infer<typeof recommendationsQuery>
