/** Links keep only the schemes the editor's link mark accepts; anything else (javascript:, data:, file:, a
 * fragment pointing inside the source document) loses its link and keeps its text. */
const SAFE_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:'])

export const safeLinkHref = (href: string): string | null => {
  const trimmed = href.trim()
  if (trimmed === '') return null
  try {
    // No base: a relative address (a file next to the source, a #fragment) has no meaning in a course.
    const url = new URL(trimmed)
    return SAFE_SCHEMES.has(url.protocol) ? url.href : null
  } catch {
    return null
  }
}
