import { EventEmitter } from "node:events"
import { PassThrough } from "node:stream"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createHashingLane, PASSWORD_HASHING_BUSY } from "../../../utils/identity/password-hashing"
import { passwordCheckInLaneOf } from "../password-check-lane"

/** A response as `finished` sees one: a writable stream, ended or destroyed by the test. */
function exchange() {
  const res = new PassThrough() as unknown as MedusaResponse & PassThrough
  const req = Object.assign(new EventEmitter(), { destroyed: false }) as unknown as MedusaRequest
  const next = jest.fn()
  return { req, res, next }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe("Medusa's emailpass routes in the hashing lane", () => {
  it("runs one request at a time per slot, the next once the first response is done", async () => {
    const middleware = passwordCheckInLaneOf(createHashingLane(1, 5))
    const first = exchange()
    const second = exchange()
    middleware(first.req, first.res, first.next)
    middleware(second.req, second.res, second.next)
    await tick()
    expect(first.next).toHaveBeenCalledWith()
    expect(second.next).not.toHaveBeenCalled()
    first.res.end()
    first.res.resume()
    await tick()
    await tick()
    expect(second.next).toHaveBeenCalledWith()
  })

  it("gives a slot back at once for a client that went away while waiting, without running it", async () => {
    const middleware = passwordCheckInLaneOf(createHashingLane(1, 5))
    const running = exchange()
    const gone = exchange()
    const later = exchange()
    middleware(running.req, running.res, running.next)
    middleware(gone.req, gone.res, gone.next)
    await tick()
    // The waiting client disconnects: its response closes before its turn.
    gone.res.destroy()
    running.res.destroy()
    await tick()
    await tick()
    expect(gone.next).not.toHaveBeenCalled()
    // Both slots' worth of work is over: the next request runs at once.
    middleware(later.req, later.res, later.next)
    await tick()
    await tick()
    expect(later.next).toHaveBeenCalledWith()
  })

  it("answers a request the full waiting room refuses with the lane's error", async () => {
    const middleware = passwordCheckInLaneOf(createHashingLane(1, 1))
    const running = exchange()
    const waiting = exchange()
    const refused = exchange()
    middleware(running.req, running.res, running.next)
    middleware(waiting.req, waiting.res, waiting.next)
    middleware(refused.req, refused.res, refused.next)
    await tick()
    expect(refused.next).toHaveBeenCalledWith(
      expect.objectContaining({ type: PASSWORD_HASHING_BUSY })
    )
    expect(waiting.next).not.toHaveBeenCalled()
  })
})
