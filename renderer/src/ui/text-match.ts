const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase()

/** Whether `text` contains `query`, ignoring case, accents and surrounding spaces. An empty query matches all. */
export const matchesQuery = (text: string, query: string): boolean => fold(text).includes(fold(query.trim()))
