/**
 * The origin of every review command's transaction, so an undo manager on the review document tracks only the
 * local user's comments. Storage and relay writes to the review document use the course's origins
 * (shared/course/origins.ts). `Symbol.for` keeps it identical even if a bundle holds two copies of this module.
 */
export const REVIEW_ORIGIN: unique symbol = Symbol.for('chorus.origin.review')
