/**
 * The renderer's layers (README "How it fits together") are a lint rule, not a convention: these fixtures sit
 * where the rule forbids an import and must be refused, so the rule cannot silently vanish from eslint.config.js.
 */
import { ESLint } from 'eslint'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO } from './relay-harness'

const eslint = new ESLint({ cwd: REPO })

/** The rules an ESLint run reports for `code` as if it were the file at `path` (which need not exist). */
const rulesFiring = async (path: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: join(REPO, path) })
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message)
}

const LAYERS = 'chorus/renderer-layers'

describe('renderer layers', () => {
  it('refuses a feature importing app/', async () => {
    expect(await rulesFiring('renderer/src/features/library/Fixture.ts', "import '../../app/App'")).toContain(
      LAYERS,
    )
  })

  it('refuses a feature importing another feature, however deep the file', async () => {
    expect(
      await rulesFiring('renderer/src/features/export/fixture.ts', "import '../files/save-course-copy'"),
    ).toContain(LAYERS)
    expect(
      await rulesFiring(
        'renderer/src/features/editor/blocks/fixture.ts',
        "export { x } from '../../outline/OutlinePane'",
      ),
    ).toContain(LAYERS)
    // Nor may a feature import a screen.
    expect(
      await rulesFiring('renderer/src/features/preview/fixture.ts', "import '../course/CourseView'"),
    ).toContain(LAYERS)
  })

  it('refuses sync/ importing review, its session or its panel', async () => {
    expect(await rulesFiring('renderer/src/sync/fixture.ts', "import '../review/identity'")).toContain(LAYERS)
    expect(
      await rulesFiring('renderer/src/sync/fixture.ts', "import '../review/panel/CommentsPanel'"),
    ).toContain(LAYERS)
  })

  it('refuses a shared module importing a feature', async () => {
    expect(
      await rulesFiring('renderer/src/storage/fixture.ts', "import '../features/library/use-library'"),
    ).toContain(LAYERS)
  })

  it('allows what the layers allow', async () => {
    const allowed: [string, string][] = [
      ['renderer/src/features/editor/fixture.ts', "import '../../ui/Dialog'"],
      ['renderer/src/features/editor/fixture.ts', "import '../../review/panel/comment-highlights'"],
      ['renderer/src/features/editor/fixture.ts', "import './LessonPane'"],
      ['renderer/src/features/course/fixture.ts', "import '../editor/LessonPane'"],
      ['renderer/src/app/fixture.ts', "import '../features/library/LibraryView'"],
      ['renderer/src/review/fixture.ts', "import '../sync/course-sync'"],
    ]
    for (const [path, code] of allowed) expect(await rulesFiring(path, code)).toEqual([])
  })
})

describe('one owner of media rows', () => {
  it('refuses reading or writing the media tables outside media/', async () => {
    const code =
      'declare const db: { media: unknown; mediaCourses: unknown }\nexport const rows = [db.media, db.mediaCourses]'
    expect(await rulesFiring('renderer/src/sync/fixture.ts', code)).toEqual([
      'no-restricted-syntax',
      'no-restricted-syntax',
    ])
    expect(await rulesFiring('renderer/src/media/fixture.ts', code)).toEqual([])
  })
})
