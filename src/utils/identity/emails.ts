/** Rendered emails of the identity features; values are escaped for the HTML part. */
export type EmailContent = { subject: string; text: string; html: string }

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

function email(
  subject: string,
  lines: string[],
  link?: { url: string; label: string }
): EmailContent {
  const text = [...lines, ...(link ? ["", `${link.label}: ${link.url}`] : [])].join("\n")
  const paragraphs = lines.map((line) => `<p>${escapeHtml(line)}</p>`)
  const button = link
    ? [`<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`]
    : []
  return { subject, text, html: [...paragraphs, ...button].join("\n") }
}

export function verificationEmail(url: string): EmailContent {
  return email(
    "Confirm your email address",
    ["Please confirm that this is your email address.", "The link works once and expires soon."],
    { url, label: "Confirm email" }
  )
}

export function welcomeEmail(firstName: string | null): EmailContent {
  return email("Welcome!", [`Hello${firstName ? ` ${firstName}` : ""},`, "your account is ready."])
}

export function passwordResetEmail(url: string, expiresAt: string): EmailContent {
  return email(
    "Reset your password",
    [
      "Someone asked to reset the password of your account. If it was not you, ignore this email.",
      `The link works once, until ${expiresAt}.`,
    ],
    { url, label: "Choose a new password" }
  )
}

/** A storefront page with the token in its query string. */
export function storefrontLink(base: string, page: string, token: string): string {
  return `${base}/${page}?token=${encodeURIComponent(token)}`
}
