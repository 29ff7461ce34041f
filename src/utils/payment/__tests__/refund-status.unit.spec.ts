import { refundStatusToRecord } from "../refund-status"

describe("refundStatusToRecord", () => {
  it("is partially_refunded while part of the captured money was given back", () => {
    expect(refundStatusToRecord("paid", 24.99, 5)).toBe("partially_refunded")
    expect(refundStatusToRecord("delivered", "24.99", "24.98")).toBe("partially_refunded")
  })

  it("is refunded once everything captured was given back", () => {
    expect(refundStatusToRecord("paid", 24.99, 24.99)).toBe("refunded")
    expect(refundStatusToRecord("partially_refunded", 24.99, 24.99)).toBe("refunded")
    expect(refundStatusToRecord("shipped", 10, 10)).toBe("refunded")
  })

  it("is null when nothing was refunded or the status says so already", () => {
    expect(refundStatusToRecord("paid", 24.99, 0)).toBeNull()
    expect(refundStatusToRecord("partially_refunded", 24.99, 10)).toBeNull()
    expect(refundStatusToRecord("refunded", 24.99, 24.99)).toBeNull()
  })

  it("leaves final statuses and orders never paid alone", () => {
    expect(refundStatusToRecord("cancelled", 24.99, 24.99)).toBeNull()
    expect(refundStatusToRecord("refunded", 24.99, 5)).toBeNull()
    expect(refundStatusToRecord("pending", 24.99, 5)).toBeNull()
  })
})
