import type { CourseId, LessonId, SectionId } from './types'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
/** 22 base-62 characters ≈ 131 random bits: collisions are not a practical concern. */
const ID_LENGTH = 22

/** Random characters from `alphabet`, drawn from the platform's CSPRNG. */
export const randomString = (length: number, alphabet: string = ALPHABET): string => {
  // Bytes at or above the largest multiple of the alphabet's size are rejected so every character is equally likely.
  const limit = Math.floor(256 / alphabet.length) * alphabet.length
  let out = ''
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length]
    }
  }
  return out
}

/** Letters and digits only: safe in URLs, file names, room names and (prefixed) XML identifiers. */
const newId = (): string => randomString(ID_LENGTH)

export const newCourseId = (): CourseId => newId() as CourseId
export const newSectionId = (): SectionId => newId() as SectionId
export const newLessonId = (): LessonId => newId() as LessonId
