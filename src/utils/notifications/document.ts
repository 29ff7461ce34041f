/**
 * What an email says, independent of its format: the renderers turn one document into
 * the HTML part (MJML, render-email.ts) and the plain-text part, so both always carry the
 * same content.
 */
export type EmailDocument = {
  subject: string
  /** The line mail clients show after the subject. */
  preheader: string
  heading: string
  paragraphs: string[]
  /** A table of lines (an order's items, the products low on stock). */
  table?: {
    columns: [string, string, string]
    rows: [string, string, string][]
  }
  /** Label → value lines under the table (totals, tracking). */
  summary?: { label: string; value: string; strong?: boolean }[]
  button?: { label: string; url: string }
  footer: string
}

/** A rendered email, as the notification providers send it. */
export type RenderedEmail = { subject: string; text: string; html: string }
