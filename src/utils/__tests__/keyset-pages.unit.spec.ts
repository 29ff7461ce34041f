import { keysetPages } from "../keyset-pages"

const rows = ["a", "b", "c", "d", "e"].map((id) => ({ id }))

/** A list over `rows` after an id, at most `size`, recording what it was asked. */
function lister(size: number, asked: (string | null)[]) {
  return async (afterId: string | null) => {
    asked.push(afterId)
    return rows.filter((row) => afterId === null || row.id > afterId).slice(0, size)
  }
}

async function collect(size: number) {
  const asked: (string | null)[] = []
  const pages: string[][] = []
  for await (const page of keysetPages(lister(size, asked), size)) {
    pages.push(page.map((row) => row.id))
  }
  return { pages, asked }
}

describe("keysetPages", () => {
  it("asks for each page after the last id of the one before, and stops at a short page", async () => {
    expect(await collect(2)).toEqual({
      pages: [["a", "b"], ["c", "d"], ["e"]],
      asked: [null, "b", "d"],
    })
  })

  it("asks once more after a full last page, and yields no empty page", async () => {
    const { pages, asked } = await collect(5)
    expect(pages).toEqual([["a", "b", "c", "d", "e"]])
    expect(asked).toEqual([null, "e"])
  })
})
