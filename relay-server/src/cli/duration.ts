const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 } as const

/** "90s", "15m", "12h", "30d", "2w" → seconds; null for anything else. */
export const parseDuration = (text: string): number | null => {
  const match = /^(\d{1,6})([smhdw])$/.exec(text.trim())
  if (match === null) return null
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS]
  return seconds > 0 ? seconds : null
}
