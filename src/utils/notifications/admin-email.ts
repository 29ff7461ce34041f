import type { EmailDocument } from "./document"
import { formatDate, type EmailLocale } from "./locale"

/** A page of the admin dashboard with query parameters (`/app/reset-password?token=…`). */
export function dashboardLink(
  dashboardUrl: string,
  page: string,
  params: Record<string, string>
): string {
  const query = new URLSearchParams(params).toString()
  return `${dashboardUrl.replace(/\/+$/, "")}/${page}${query ? `?${query}` : ""}`
}

type AdminCopy = {
  resetSubject: string
  resetHeading: string
  resetBody: string
  resetButton: string
  inviteSubject: (shop: string) => string
  inviteHeading: string
  inviteBody: (shop: string) => string
  inviteExpires: (date: string) => string
  inviteButton: string
  lowStockSubject: (count: number) => string
  lowStockHeading: string
  lowStockBody: (threshold: number) => string
  lowStockColumns: [string, string, string]
  lowStockButton: string
  footer: (shop: string) => string
}

const COPY: Record<EmailLocale, AdminCopy> = {
  en: {
    resetSubject: "Reset your admin password",
    resetHeading: "Reset your password",
    resetBody:
      "Someone asked to reset the password of your admin account. If it was not you, ignore this email: your password stays as it is. The link expires soon.",
    resetButton: "Choose a new password",
    inviteSubject: (shop) => `You are invited to the ${shop} dashboard`,
    inviteHeading: "You are invited",
    inviteBody: (shop) => `You were invited to manage ${shop} as an admin user.`,
    inviteExpires: (date) => `The invitation is valid until ${date}.`,
    inviteButton: "Accept the invitation",
    lowStockSubject: (count) =>
      count === 1 ? "Low stock: 1 product" : `Low stock: ${count} products`,
    lowStockHeading: "Products running low",
    lowStockBody: (threshold) =>
      `These products just fell below the low-stock threshold of ${threshold} units available.`,
    lowStockColumns: ["Product", "Available", "Threshold"],
    lowStockButton: "Open the inventory",
    footer: (shop) => `${shop} admin. You receive this email as an admin user.`,
  },
  de: {
    resetSubject: "Admin-Passwort zurücksetzen",
    resetHeading: "Passwort zurücksetzen",
    resetBody:
      "Jemand möchte das Passwort Ihres Admin-Kontos zurücksetzen. Waren Sie das nicht, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert. Der Link läuft bald ab.",
    resetButton: "Neues Passwort wählen",
    inviteSubject: (shop) => `Einladung zum ${shop}-Dashboard`,
    inviteHeading: "Sie sind eingeladen",
    inviteBody: (shop) => `Sie wurden eingeladen, ${shop} als Admin zu verwalten.`,
    inviteExpires: (date) => `Die Einladung gilt bis ${date}.`,
    inviteButton: "Einladung annehmen",
    lowStockSubject: (count) =>
      count === 1 ? "Niedriger Bestand: 1 Produkt" : `Niedriger Bestand: ${count} Produkte`,
    lowStockHeading: "Produkte mit niedrigem Bestand",
    lowStockBody: (threshold) =>
      `Diese Produkte sind gerade unter die Schwelle von ${threshold} verfügbaren Einheiten gefallen.`,
    lowStockColumns: ["Produkt", "Verfügbar", "Schwelle"],
    lowStockButton: "Bestand öffnen",
    footer: (shop) => `${shop} Admin. Sie erhalten diese E-Mail als Admin-Benutzer.`,
  },
}

/** The dashboard's "forgot password" email: the link opens `/app/reset-password`. */
export function adminPasswordResetDocument(
  link: string,
  shop: string,
  locale: EmailLocale
): EmailDocument {
  const copy = COPY[locale]
  return {
    subject: copy.resetSubject,
    preheader: copy.resetHeading,
    heading: copy.resetHeading,
    paragraphs: [copy.resetBody],
    button: { label: copy.resetButton, url: link },
    footer: copy.footer(shop),
  }
}

/** The invitation to become an admin user: the link opens `/app/invite`. */
export function inviteDocument(
  link: string,
  expiresAt: string | Date | null,
  shop: string,
  locale: EmailLocale
): EmailDocument {
  const copy = COPY[locale]
  return {
    subject: copy.inviteSubject(shop),
    preheader: copy.inviteBody(shop),
    heading: copy.inviteHeading,
    paragraphs: [
      copy.inviteBody(shop),
      ...(expiresAt ? [copy.inviteExpires(formatDate(expiresAt, locale))] : []),
    ],
    button: { label: copy.inviteButton, url: link },
    footer: copy.footer(shop),
  }
}

export type LowStockLine = { title: string; stock_quantity: number; threshold: number }

/** One digest for the products that crossed the threshold together, fewest units first. */
export function lowStockDigestDocument(
  lines: LowStockLine[],
  link: string,
  shop: string,
  locale: EmailLocale
): EmailDocument {
  const copy = COPY[locale]
  const sorted = [...lines].sort(
    (a, b) => a.stock_quantity - b.stock_quantity || a.title.localeCompare(b.title)
  )
  const threshold = Math.max(...sorted.map((line) => line.threshold))
  return {
    subject: copy.lowStockSubject(sorted.length),
    preheader: sorted.map((line) => line.title).join(", "),
    heading: copy.lowStockHeading,
    paragraphs: [copy.lowStockBody(threshold)],
    table: {
      columns: copy.lowStockColumns,
      rows: sorted.map((line) => [line.title, String(line.stock_quantity), String(line.threshold)]),
    },
    button: { label: copy.lowStockButton, url: link },
    footer: copy.footer(shop),
  }
}

/** The dashboard bell's entry for the same digest (Medusa's feed shows title + description). */
export function lowStockFeedEntry(lines: LowStockLine[], locale: EmailLocale) {
  const document = lowStockDigestDocument(lines, "", "", locale)
  return {
    title: document.subject,
    description:
      document.table?.rows.map(([title, units]) => `${title}: ${units}`).join("\n") ?? "",
  }
}
