import { useCallback, useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { CourseId } from '../../../../shared/course/types'
import type { ChorusError } from '../../../../shared/errors'
import type { AddedImport } from '../../../../shared/import/apply-plan'
import {
  DEFAULT_LEVELS,
  planImport,
  type ImportLevels,
  type ImportPlan,
} from '../../../../shared/import/outline-plan'
import type { ParsedDocument } from '../../../../shared/import/parsed-document'
import { usePlatform } from '../../platform/use-platform'
import type { ChorusDb } from '../../storage/db'
import {
  addImportToOpenCourse,
  createImportedCourse,
  DOCUMENT_FILTERS,
  readPickedDocument,
  type ReadProgress,
} from './run-document-import'

/** Where the import goes: a new course in the library, or the open course. */
export type ImportTarget =
  | { readonly kind: 'new-course' }
  | { readonly kind: 'course'; readonly courseId: CourseId; readonly doc: Y.Doc }

export type ImportStage =
  | { readonly kind: 'choosing'; readonly failure: ChorusError | null }
  | { readonly kind: 'reading'; readonly fileName: string; readonly progress: ReadProgress }
  | {
      readonly kind: 'previewing'
      readonly fileName: string
      readonly parsed: ParsedDocument
      readonly levels: ImportLevels
      readonly plan: ImportPlan
      readonly failure: ChorusError | null
    }
  | { readonly kind: 'creating'; readonly fileName: string }
  | {
      readonly kind: 'added'
      readonly lessons: number
      readonly added: AddedImport
      readonly undone: boolean
    }

/** The import dialog's state: pick a file, read it (cancellable), preview and re-plan, then create. */
export const useDocumentImport = (db: ChorusDb, target: ImportTarget, onCreated: (id: CourseId) => void) => {
  const platform = usePlatform()
  const [stage, setStage] = useState<ImportStage>({ kind: 'choosing', failure: null })
  const reading = useRef<AbortController | null>(null)
  const added = useRef<AddedImport | null>(null)
  // Closing the dialog stops a read in progress and gives up the import's undo.
  useEffect(
    () => () => {
      reading.current?.abort()
      added.current?.release()
    },
    [],
  )

  const choose = useCallback(() => {
    void (async () => {
      const picked = await platform.openFile(DOCUMENT_FILTERS)
      if (!picked.ok) return setStage({ kind: 'choosing', failure: picked.error })
      if (picked.value === null) return
      const file = picked.value
      const controller = new AbortController()
      reading.current = controller
      setStage({ kind: 'reading', fileName: file.name, progress: { phase: 'reading', percent: 0 } })
      const parsed = await readPickedDocument(
        file,
        (progress) => {
          if (!controller.signal.aborted) setStage({ kind: 'reading', fileName: file.name, progress })
        },
        controller.signal,
      )
      reading.current = null
      if (controller.signal.aborted) return setStage({ kind: 'choosing', failure: null })
      if (!parsed.ok) return setStage({ kind: 'choosing', failure: parsed.error })
      setStage({
        kind: 'previewing',
        fileName: file.name,
        parsed: parsed.value,
        levels: DEFAULT_LEVELS,
        plan: planImport(parsed.value, DEFAULT_LEVELS),
        failure: null,
      })
    })()
  }, [platform])

  const cancelReading = useCallback(() => reading.current?.abort(), [])

  const changeLevels = useCallback((levels: ImportLevels) => {
    setStage((current) =>
      current.kind === 'previewing'
        ? { ...current, levels, plan: planImport(current.parsed, levels) }
        : current,
    )
  }, [])

  const create = useCallback(() => {
    if (stage.kind !== 'previewing') return
    const { plan, fileName } = stage
    const previous = stage
    setStage({ kind: 'creating', fileName })
    void (async () => {
      if (target.kind === 'new-course') {
        const created = await createImportedCourse(db, plan)
        if (!created.ok) return setStage({ ...previous, failure: created.error })
        onCreated(created.value)
      } else {
        const result = await addImportToOpenCourse(db, target.courseId, target.doc, plan)
        if (!result.ok) return setStage({ ...previous, failure: result.error })
        added.current = result.value
        setStage({ kind: 'added', lessons: result.value.lessons, added: result.value, undone: false })
      }
    })()
  }, [db, onCreated, stage, target])

  const undo = useCallback(() => {
    if (stage.kind !== 'added' || stage.undone) return
    stage.added.undo()
    setStage({ ...stage, undone: true })
  }, [stage])

  return { stage, choose, cancelReading, changeLevels, create, undo }
}
