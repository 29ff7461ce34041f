import type { MedusaRequest } from "@medusajs/framework/http"
import { storeResourceIds } from "../store-ownership"
import { multipartClientError } from "../multipart-errors"

function request(path: string, query: object = {}, body: unknown = undefined): MedusaRequest {
  return { path, query, body } as unknown as MedusaRequest
}

describe("storeResourceIds", () => {
  it("names the cart, order or payment collection of the path, in any case", () => {
    expect(storeResourceIds(request("/store/carts/cart_1/line-items/li_2"))).toEqual({
      carts: ["cart_1"],
      orders: [],
      paymentCollections: [],
    })
    expect(storeResourceIds(request("/STORE/Orders/order_1/transfer/request")).orders).toEqual([
      "order_1",
    ])
    expect(
      storeResourceIds(request("/store/payment-collections/pay_col_1/payment-sessions"))
        .paymentCollections
    ).toEqual(["pay_col_1"])
  })

  it("adds cart_id and order_id from the query and the body", () => {
    expect(
      storeResourceIds(
        request("/store/shipping-options", { cart_id: "cart_q" }, { order_id: "order_b" })
      )
    ).toEqual({ carts: ["cart_q"], orders: ["order_b"], paymentCollections: [] })
  })

  it("names nothing for other routes or ids that are not strings", () => {
    expect(
      storeResourceIds(request("/store/products/prod_1", { cart_id: ["a", "b"] }, "raw"))
    ).toEqual({ carts: [], orders: [], paymentCollections: [] })
  })
})

describe("multipartClientError", () => {
  it("turns busboy's errors into a 400 and leaves the server's own errors alone", () => {
    expect(multipartClientError(new Error("Unexpected end of form"))).toMatchObject({
      status: 400,
      type: "invalid_data",
    })
    expect(multipartClientError(new Error("connection refused"))).toBeUndefined()
    expect(multipartClientError("not an error")).toBeUndefined()
  })
})
