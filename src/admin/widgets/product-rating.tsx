import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { api } from "../lib/api"
import { useLoad } from "../lib/use-load"

type Rating = { rating_average: number | null; review_count: number; pending_count: number }

/** The product's rating and review counts, with a link to its moderation queue. */
const ProductRating = ({ data: product }: DetailWidgetProps<HttpTypes.AdminProduct>) => {
  const rating = useLoad(() => api<Rating>(`/admin/product-ratings/${product.id}`), product.id)
  const data = rating.data
  return (
    <Container className="flex flex-col gap-2 px-6 py-4" data-testid="product-rating-widget">
      <Heading level="h2">Reviews</Heading>
      {rating.error && <Text className="text-ui-fg-error">{rating.error}</Text>}
      {data && (
        <>
          <Text data-testid="product-rating">
            {data.rating_average === null
              ? "No rating yet"
              : `★ ${data.rating_average.toFixed(2)} / 5`}
          </Text>
          <Text size="small" className="text-ui-fg-subtle" data-testid="product-review-count">
            {data.review_count} approved · {data.pending_count} pending
          </Text>
          <a className="txt-compact-small-plus text-ui-fg-interactive" href={`/app/reviews`}>
            Moderate reviews
          </a>
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.side.after" })

export default ProductRating
