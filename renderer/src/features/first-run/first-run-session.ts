/**
 * What the first-run question knows for the rest of this start of the app: whether the user put it off ("Not
 * now"). Not stored, so the next start asks again; kept outside the component, so leaving the library and coming
 * back does not ask again meanwhile.
 */
export const firstRunSession = { putOff: false }
