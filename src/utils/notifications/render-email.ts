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

/** Renders the document to the subject, the text part and the HTML part (MJML). */
export async function renderEmail(document: EmailDocument, lang = "en"): Promise<RenderedEmail> {
  const markup = emailMjml(document, lang)
  // Strict: markup the templates got wrong is an error here, not a broken email later.
  const { html } = await mjml2html(markup, { validationLevel: "strict", minify: false })
  return { subject: document.subject, text: emailText(document), html }
}
