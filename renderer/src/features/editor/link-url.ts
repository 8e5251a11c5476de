/**
 * Turns what an author typed into a link target, or null when it cannot be one. A bare "example.com" becomes
 * https://example.com; only web and mail links are accepted, so a pasted "javascript:" never becomes a link.
 */
export const normalizeLinkUrl = (input: string): string | null => {
  const text = input.trim()
  if (text === '') return null
  const withScheme = /^[a-z][a-z\d+.-]*:/i.test(text) ? text : `https://${text}`
  try {
    const url = new URL(withScheme)
    if (url.protocol === 'mailto:') return url.href
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '') return url.href
    return null
  } catch {
    return null
  }
}
