import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import {
  Badge,
  Button,
  Checkbox,
  Container,
  Heading,
  Input,
  Select,
  Table,
  Text,
  toast,
} from "@medusajs/ui"
import { useState } from "react"
import { api, query } from "../../lib/api"
import type { Page, Review } from "../../lib/types"
import { useLoad } from "../../lib/use-load"

const STATUS_COLORS = { pending: "orange", approved: "green", rejected: "red" } as const
const LIMIT = 50

/** The review moderation queue across all products, pending first. */
const ReviewsPage = () => {
  const [status, setStatus] = useState("all")
  const [rating, setRating] = useState("all")
  const [productId, setProductId] = useState("")
  const [offset, setOffset] = useState(0)
  const [selected, setSelected] = useState<string[]>([])
  const filters = {
    status: status === "all" ? undefined : status,
    rating: rating === "all" ? undefined : rating,
    product_id: productId.trim() || undefined,
    limit: LIMIT,
    offset,
  }
  const reviews = useLoad(
    () => api<Page<Review>>(`/admin/reviews${query(filters)}`),
    JSON.stringify(filters)
  )

  async function moderate(ids: string[], to: "approved" | "rejected") {
    try {
      const { results } = await api<{ results: { status: string }[] }>("/admin/reviews/moderate", {
        method: "POST",
        body: JSON.stringify({ review_ids: ids, status: to }),
      })
      const failed = results.filter((result) => result.status === "failed").length
      if (failed) toast.error(`${failed} review(s) could not be moderated`)
      else toast.success(`${ids.length} review(s) ${to}`)
    } catch (error) {
      toast.error(String(error))
    }
    setSelected([])
    reviews.reload()
  }

  const items = reviews.data?.items ?? []
  const toggle = (id: string) =>
    setSelected((current) =>
      current.includes(id) ? current.filter((x) => x !== id) : [...current, id]
    )

  return (
    <Container className="p-0">
      <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <Heading level="h1">Reviews</Heading>
        <div className="flex items-center gap-2">
          <Select value={status} onValueChange={(value) => (setStatus(value), setOffset(0))}>
            <Select.Trigger data-testid="filter-status">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="all">All statuses</Select.Item>
              <Select.Item value="pending">Pending</Select.Item>
              <Select.Item value="approved">Approved</Select.Item>
              <Select.Item value="rejected">Rejected</Select.Item>
            </Select.Content>
          </Select>
          <Select value={rating} onValueChange={(value) => (setRating(value), setOffset(0))}>
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="all">Any rating</Select.Item>
              {[5, 4, 3, 2, 1].map((stars) => (
                <Select.Item key={stars} value={String(stars)}>
                  {"★".repeat(stars)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
          <Input
            size="small"
            placeholder="Product id"
            value={productId}
            onChange={(event) => (setProductId(event.target.value), setOffset(0))}
          />
          <Button
            size="small"
            disabled={!selected.length}
            onClick={() => moderate(selected, "approved")}
            data-testid="approve-selected"
          >
            Approve selected
          </Button>
          <Button
            size="small"
            variant="secondary"
            disabled={!selected.length}
            onClick={() => moderate(selected, "rejected")}
          >
            Reject selected
          </Button>
        </div>
      </div>
      {reviews.error && <Text className="text-ui-fg-error px-6">{reviews.error}</Text>}
      <Table data-testid="reviews-table">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell />
            <Table.HeaderCell>Product</Table.HeaderCell>
            <Table.HeaderCell>Rating</Table.HeaderCell>
            <Table.HeaderCell>Review</Table.HeaderCell>
            <Table.HeaderCell>Author</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {items.map((review) => (
            <Table.Row key={review.id} data-testid={`review-${review.id}`}>
              <Table.Cell>
                <Checkbox
                  checked={selected.includes(review.id)}
                  onCheckedChange={() => toggle(review.id)}
                />
              </Table.Cell>
              <Table.Cell>
                <a href={`/app/products/${review.product_id}`}>
                  {review.product_title ?? review.product_id}
                </a>
              </Table.Cell>
              <Table.Cell>{"★".repeat(review.rating)}</Table.Cell>
              <Table.Cell className="max-w-sm truncate">
                <strong>{review.title}</strong> {review.body}
              </Table.Cell>
              <Table.Cell>{review.author_name}</Table.Cell>
              <Table.Cell>
                <Badge size="2xsmall" color={STATUS_COLORS[review.status]}>
                  {review.status}
                </Badge>
              </Table.Cell>
              <Table.Cell className="flex gap-2">
                {review.status !== "approved" && (
                  <Button
                    size="small"
                    variant="secondary"
                    onClick={() => moderate([review.id], "approved")}
                    data-testid={`approve-${review.id}`}
                  >
                    Approve
                  </Button>
                )}
                {review.status !== "rejected" && (
                  <Button
                    size="small"
                    variant="transparent"
                    onClick={() => moderate([review.id], "rejected")}
                  >
                    Reject
                  </Button>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Table.Pagination
        count={reviews.data?.count ?? 0}
        pageSize={LIMIT}
        pageIndex={offset / LIMIT}
        pageCount={Math.max(1, Math.ceil((reviews.data?.count ?? 0) / LIMIT))}
        canPreviousPage={offset > 0}
        canNextPage={offset + LIMIT < (reviews.data?.count ?? 0)}
        previousPage={() => setOffset(Math.max(0, offset - LIMIT))}
        nextPage={() => setOffset(offset + LIMIT)}
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Reviews", icon: ChatBubbleLeftRight })

export default ReviewsPage
