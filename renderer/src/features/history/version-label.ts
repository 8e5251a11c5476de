import type { ExportFormat, VersionSummary } from '../../../../shared/history/types'

const FORMAT_NAMES: Record<ExportFormat, string> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004',
  web: 'web',
}

/**
 * What the History panel calls a version: the name it was given, else why it was taken ("Exported (SCORM 2004) ·
 * v3", "Before a restore", "Automatic").
 */
export const versionLabel = (version: VersionSummary): string => {
  if (version.name !== '') return version.name
  const published = version.published
  switch (version.reason) {
    case 'export':
    case 'publish': {
      const verb = version.reason === 'export' ? 'Exported' : 'Published'
      return published === undefined
        ? verb
        : `${verb} (${FORMAT_NAMES[published.format]}) · v${published.number}`
    }
    case 'before-restore':
      return 'Before a restore'
    case 'hourly':
      return 'Automatic'
    case 'named':
      return 'Unnamed version'
  }
}

const MAX_LISTED = 4

/** "Erosion, Cover crops and 3 more": the lessons a version changed, short enough for one line. */
export const lessonList = (titles: readonly string[]): string => {
  const named = titles.map((title) => title.trim() || 'Untitled lesson')
  if (named.length <= MAX_LISTED) return named.join(', ')
  return `${named.slice(0, MAX_LISTED - 1).join(', ')} and ${named.length - (MAX_LISTED - 1)} more`
}
