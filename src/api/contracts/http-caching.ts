/**
 * What the catalog's cacheable reads add to their contract (docs/HTTP-CACHING.md): the
 * conditional request header and its 304.
 */
export const ifNoneMatchHeader = {
  name: "If-None-Match",
  description:
    "The ETag of an answer the client holds: 304 without a body when it is still current",
  schema: { type: "string" },
}

export const notModifiedResponse = {
  304: { description: "Not modified: the answer matching If-None-Match is still current" },
}
