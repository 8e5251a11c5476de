/** Whether two relay URLs name the same relay (trailing slashes and URL spelling aside). */
export const sameRelay = (a: string, b: string): boolean => {
  try {
    return new URL(a).href.replace(/\/+$/, '') === new URL(b).href.replace(/\/+$/, '')
  } catch {
    return false
  }
}
