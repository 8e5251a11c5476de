/** Escapes text for HTML element content and double-quoted attribute values (and for XML the same way). */
export const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

const SAFE_LINK = /^(https?:|mailto:)/i

/** Links authors typed are kept only with a protocol that cannot run script inside the LMS's page. */
export const safeHref = (href: unknown): string | null =>
  typeof href === 'string' && SAFE_LINK.test(href.trim()) ? href.trim() : null
