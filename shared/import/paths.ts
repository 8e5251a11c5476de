/**
 * Where an image a Markdown page names lives inside its zip (or beside it on disk): relative to the page,
 * percent-decoded, never above the root. Null for anything that is not a plain relative path.
 */
export const resolvePath = (page: string, src: string): string | null => {
  let path = src.split(/[?#]/, 1)[0] ?? ''
  try {
    path = decodeURIComponent(path)
  } catch {
    return null
  }
  if (path === '' || path.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(path)) return null
  const parts = page.split('/').slice(0, -1)
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '..') {
      if (parts.length === 0) return null
      parts.pop()
    } else if (part !== '.' && part !== '') parts.push(part)
  }
  return parts.join('/')
}
