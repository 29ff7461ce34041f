import { inRollupLane } from "../rollup-lane"

describe("analytics rollup lane", () => {
  it("runs one write at a time in arrival order, and goes on after a failure", async () => {
    const events: string[] = []
    const write =
      (name: string, fail = false) =>
      async () => {
        events.push(`start ${name}`)
        await new Promise((resolve) => setTimeout(resolve, 5))
        events.push(`end ${name}`)
        if (fail) {
          throw new Error(`${name} failed`)
        }
        return name
      }
    const results = await Promise.allSettled([
      inRollupLane(write("a")),
      inRollupLane(write("b", true)),
      inRollupLane(write("c")),
    ])
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"])
    expect(events).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"])
  })
})
