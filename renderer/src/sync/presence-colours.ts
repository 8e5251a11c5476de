/**
 * Which colour each person online shows in. Everyone chooses a colour (Settings), and seven suggested ones are
 * easy to tell apart; left alone, two people would often show in the same one. So every viewer works out the
 * colours from what all of them see alike — who is online, with their ids and chosen colours — and everyone,
 * the person themself included, sees the same colour for each person, distinct among up to seven people.
 */

/** A person online: a stable key (the user id) and the colour they chose. */
export interface ColourClaim {
  readonly key: string
  readonly chosen: string
}

/** FNV-1a: a person's starting slot among the palette, the same on every device. */
const slotOf = (key: string, slots: number): number => {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193)
  return (hash >>> 0) % slots
}

const byKey = (a: ColourClaim, b: ColourClaim): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

/**
 * Each key's colour. First, each chosen colour goes to the person with the smallest key among those who chose it,
 * so people keep their own colour whenever they can. Then the others, by key, take the first palette colour
 * nobody shows, from a slot their key picks. Past the palette's size colours repeat. The same claims give the
 * same answer in any order; a key claimed twice (two tabs) keeps its first choice by order of colour.
 */
export function assignColours(
  claims: readonly ColourClaim[],
  palette: readonly string[],
): Map<string, string> {
  const chosen = new Map<string, string>()
  for (const { key, chosen: colour } of [...claims].sort(byKey)) {
    const normal = colour.toLowerCase()
    const before = chosen.get(key)
    if (before === undefined || normal < before) chosen.set(key, normal)
  }
  const people = [...chosen].map(([key, colour]) => ({ key, chosen: colour })).sort(byKey)
  const colours = new Map<string, string>()
  const taken = new Set<string>()
  for (const { key, chosen: colour } of people) {
    if (taken.has(colour)) continue
    taken.add(colour)
    colours.set(key, colour)
  }
  const free = palette.map((colour) => colour.toLowerCase())
  for (const { key, chosen: colour } of people) {
    if (colours.has(key)) continue
    const start = slotOf(key, free.length)
    const spare = [...free.slice(start), ...free.slice(0, start)].find((candidate) => !taken.has(candidate))
    const given = spare ?? free[start] ?? colour
    taken.add(given)
    colours.set(key, given)
  }
  return colours
}
