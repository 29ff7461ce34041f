import { topK } from "../top-k"

describe("topK", () => {
  const ascending = (a: number, b: number) => a - b

  it("keeps the k first in order, best first", () => {
    expect(topK([5, 3, 9, 1, 7, 3], 3, ascending)).toEqual([1, 3, 3])
    expect(topK(Int32Array.from([4, 2, 8]), 5, ascending)).toEqual([2, 4, 8])
  })

  it("equals a full sort's head on random input", () => {
    const values = Array.from({ length: 2000 }, (_, i) => (i * 7919) % 1009)
    const byValueThenIndex = (a: number, b: number) => values[a] - values[b] || a - b
    const indexes = values.map((_, i) => i)
    expect(topK(indexes, 50, byValueThenIndex)).toEqual(
      [...indexes].sort(byValueThenIndex).slice(0, 50)
    )
  })

  it("keeps nothing for k = 0", () => {
    expect(topK([1, 2], 0, ascending)).toEqual([])
  })
})

describe("topK on ordered input", () => {
  it("keeps the best when they come last, as a newest-first sort over ids in creation order sees them", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => i)
    const newestFirst = (a: number, b: number) => b - a
    expect(topK(ids, 4, newestFirst)).toEqual([4999, 4998, 4997, 4996])
    expect(topK(ids, 4, (a, b) => a - b)).toEqual([0, 1, 2, 3])
  })
})
