/**
 * Compares two strings by their Unicode code points, as PostgreSQL compares text under
 * the C and C.UTF-8 collations (UTF-8 bytes, i.e. code points). JavaScript's `<` compares
 * UTF-16 code units, which puts U+E000–U+FFFF after the characters beyond U+FFFF; this
 * shifts surrogates above them at the first difference.
 */
export function compareCodepoints(a: string, b: string): number {
  if (a === b) {
    return 0
  }
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) {
      return codepointOrder(x) - codepointOrder(y)
    }
  }
  return a.length - b.length
}

function codepointOrder(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) {
    return unit + 0x2000
  }
  return unit >= 0xe000 ? unit - 0x800 : unit
}
