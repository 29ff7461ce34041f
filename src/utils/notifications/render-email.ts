import mjml2html from "mjml"
import type { EmailDocument, RenderedEmail } from "./document"

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

const FONT = "Helvetica, Arial, sans-serif"

function tableMjml(table: NonNullable<EmailDocument["table"]>): string {
  const cell = (value: string, align: "left" | "right", header = false) =>
    `<td style="padding:6px 0;text-align:${align};${header ? "font-weight:bold;border-bottom:1px solid #ddd;" : "border-bottom:1px solid #f0f0f0;"}">${escapeHtml(value)}</td>`
  const row = (values: [string, string, string], header = false) =>
    `<tr>${cell(values[0], "left", header)}${cell(values[1], "right", header)}${cell(values[2], "right", header)}</tr>`
  return `<mj-table font-family="${FONT}" font-size="14px" cellpadding="0">${row(table.columns, true)}${table.rows.map((values) => row(values)).join("")}</mj-table>`
}

function summaryMjml(summary: NonNullable<EmailDocument["summary"]>): string {
  const rows = summary
    .map(({ label, value, strong }) => {
      const weight = strong ? "font-weight:bold;" : ""
      return `<tr><td style="padding:3px 0;${weight}">${escapeHtml(label)}</td><td style="padding:3px 0;text-align:right;${weight}">${escapeHtml(value)}</td></tr>`
    })
    .join("")
  return `<mj-table font-family="${FONT}" font-size="14px" cellpadding="0">${rows}</mj-table>`
}

/** The document as MJML markup; every value is escaped, so data cannot inject markup. */
export function emailMjml(document: EmailDocument, lang = "en"): string {
  const parts = [
    `<mj-text font-size="22px" font-weight="bold">${escapeHtml(document.heading)}</mj-text>`,
    ...document.paragraphs.map((line) => `<mj-text>${escapeHtml(line)}</mj-text>`),
    document.table ? tableMjml(document.table) : "",
    document.summary?.length ? summaryMjml(document.summary) : "",
    document.button
      ? `<mj-button href="${escapeHtml(document.button.url)}" background-color="#111827" align="left">${escapeHtml(document.button.label)}</mj-button>`
      : "",
  ]
  return `<mjml lang="${escapeHtml(lang)}">
  <mj-head>
    <mj-title>${escapeHtml(document.subject)}</mj-title>
    <mj-preview>${escapeHtml(document.preheader)}</mj-preview>
    <mj-attributes><mj-all font-family="${FONT}" /><mj-text font-size="15px" line-height="22px" color="#111827" /></mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f4f5">
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>${parts.filter(Boolean).join("\n")}</mj-column>
    </mj-section>
    <mj-section padding="12px 24px"><mj-column><mj-text font-size="12px" color="#6b7280">${escapeHtml(document.footer)}</mj-text></mj-column></mj-section>
  </mj-body>
</mjml>`
}

/** The plain-text part: the same content, a table as aligned lines. */
export function emailText(document: EmailDocument): string {
  const lines: string[] = [document.heading, "", ...document.paragraphs.flatMap((p) => [p, ""])]
  if (document.table) {
    const [first, second, third] = document.table.columns
    lines.push(`${first} | ${second} | ${third}`)
    for (const [name, middle, last] of document.table.rows) {
      lines.push(`- ${name} | ${middle} | ${last}`)
    }
    lines.push("")
  }
  for (const { label, value } of document.summary ?? []) {
    lines.push(`${label}: ${value}`)
  }
  if (document.summary?.length) {
    lines.push("")
  }
  if (document.button) {
    lines.push(`${document.button.label}: ${document.button.url}`, "")
  }
  lines.push("--", document.footer)
  return lines.join("\n")
}

/** A value's place in a skeleton: letters and digits only, so MJML and escaping keep it. */
const slot = (index: number) => `MJVALUE${index}EULAVJM`
const SLOT = /MJVALUE(\d+)EULAVJM/g

/**
 * The document with every text replaced by a numbered slot, and the texts in slot order.
 * Two documents of the same shape (as many paragraphs, rows and summary lines, a button or
 * not) have the same skeleton.
 */
export function skeletonOf(document: EmailDocument): { skeleton: EmailDocument; values: string[] } {
  const values: string[] = []
  // Trimmed, as MJML trims the content of text, title and preview elements.
  const take = (value: string) => slot(values.push(value.trim()) - 1)
  const skeleton: EmailDocument = {
    subject: take(document.subject),
    preheader: take(document.preheader),
    heading: take(document.heading),
    paragraphs: document.paragraphs.map(take),
    table: document.table && {
      columns: document.table.columns.map(take) as [string, string, string],
      rows: document.table.rows.map((row) => row.map(take) as [string, string, string]),
    },
    summary: document.summary?.map(({ label, value, strong }) => ({
      label: take(label),
      value: take(value),
      strong,
    })),
    button: document.button && {
      label: take(document.button.label),
      url: take(document.button.url),
    },
    footer: take(document.footer),
  }
  return { skeleton, values }
}

/**
 * Compiled skeletons by language and shape. Compiling MJML costs ≈ 15 ms of CPU per email
 * (most of an order email's cost in the worker), while a shop sends few shapes: each is
 * compiled once and filled in. Bounded: the oldest shape goes first.
 */
const compiled = new Map<string, string>()
const MAX_COMPILED = 200

async function compiledSkeleton(skeleton: EmailDocument, lang: string): Promise<string> {
  const key = emailMjml(skeleton, lang)
  const known = compiled.get(key)
  if (known !== undefined) {
    return known
  }
  // Strict: markup the templates got wrong is an error here, not a broken email later.
  const { html } = await mjml2html(key, { validationLevel: "strict", minify: false })
  if (compiled.size >= MAX_COMPILED) {
    compiled.delete(compiled.keys().next().value as string)
  }
  compiled.set(key, html)
  return html
}

/**
 * Renders the document to the subject, the text part and the HTML part (MJML): its shape's
 * compiled skeleton with the escaped texts put in their slots (in one pass, so a text that
 * looks like a slot is never filled in itself).
 */
export async function renderEmail(document: EmailDocument, lang = "en"): Promise<RenderedEmail> {
  const { skeleton, values } = skeletonOf(document)
  const html = (await compiledSkeleton(skeleton, lang)).replace(SLOT, (_, index: string) =>
    escapeHtml(values[Number(index)])
  )
  return { subject: document.subject, text: emailText(document), html }
}
