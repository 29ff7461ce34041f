/** Hash routes (#/products/…): the example needs no server-side routing. */
export function go(hash: string): void {
  if (location.hash === hash) {
    window.dispatchEvent(new HashChangeEvent("hashchange"))
  } else {
    location.hash = hash
  }
}

/** A short message at the top of the page (cleared by the next one). */
export function flash(message: string): void {
  const box = document.getElementById("flash")!
  box.textContent = message
  box.className = message ? "flash" : ""
}

/** The route and its query: "#/search?q=lamp" → ["search"], q=lamp. */
export function currentRoute(): { parts: string[]; params: URLSearchParams } {
  const [path, query = ""] = location.hash.replace(/^#\/?/, "").split("?", 2)
  return {
    parts: path.split("/").filter(Boolean).map(decodeURIComponent),
    params: new URLSearchParams(query),
  }
}
