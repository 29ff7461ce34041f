import { authorizationOf } from "../live-socket"
import { formatServerSentEvent } from "../live-stream"

describe("live stream formats", () => {
  it("writes an SSE event with its id, type and one JSON data line", () => {
    expect(
      formatServerSentEvent({ id: "42", type: "order.status_changed", data: { note: "a\nb" } })
    ).toBe('id: 42\nevent: order.status_changed\ndata: {"note":"a\\nb"}\n\n')
    expect(formatServerSentEvent({ type: "order.payment_updated", data: { ok: true } })).toBe(
      'event: order.payment_updated\ndata: {"ok":true}\n\n'
    )
  })

  it("takes a WebSocket's token from Authorization or the bearer subprotocols", () => {
    expect(authorizationOf({ authorization: "Bearer abc" })).toBe("Bearer abc")
    expect(authorizationOf({ "sec-websocket-protocol": "bearer, eyJ.x.y" })).toBe("Bearer eyJ.x.y")
    expect(authorizationOf({ "sec-websocket-protocol": "bearer" })).toBeUndefined()
    expect(authorizationOf({ "sec-websocket-protocol": "chat, other" })).toBeUndefined()
    expect(authorizationOf({})).toBeUndefined()
  })
})
