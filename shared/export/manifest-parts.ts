import type { CourseId } from '../course/types'
import { escapeHtml } from './html'

/** What both manifests say: who the course is, what it passes at, and which files make up its one SCO. */
export interface ManifestInput {
  readonly courseId: CourseId
  readonly title: string
  /** 0–100; only written when the course has questions, or an LMS would fail learners it cannot score. */
  readonly passingScore: number | null
  readonly launch: string
  readonly files: readonly string[]
  /** The course's publish number, or null when the exporter knows none. */
  readonly publishNumber: number | null
}

export const xml = escapeHtml

/**
 * The same course always gets the same identifier, so an LMS updates a re-exported package in place.
 * Identifiers are xs:ID values (NCNames), hence the prefix and the narrow alphabet.
 */
export const manifestIdentifier = (courseId: CourseId): string =>
  `chorus-${courseId.replace(/[^A-Za-z0-9_.-]/g, '_')}`

export const fileList = (files: readonly string[], indent: string): string =>
  files.map((href) => `${indent}<file href="${xml(href)}"/>`).join('\n')

/**
 * The manifest's own `version` attribute (an xs:string of at most 20 characters in both versions' schemas), which
 * LMSs show beside a package: the publish number, or "1" when none is known, as every package said before.
 */
export const manifestVersion = (publishNumber: number | null): string => String(publishNumber ?? 1)
