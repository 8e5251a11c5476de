import { createContentComponent, useEditor } from '@tiptap/react'
import { useLayoutEffect, useMemo, useState } from 'react'
import type { XmlFragment } from 'yjs'
import type { CourseId } from '../../../../shared/course/types'
import type { ChorusError } from '../../../../shared/errors'
import { isExternalHttpUrl } from '../../../../shared/platform'
import { useMenuCommand } from '../../platform/use-menu-command'
import { usePlatform } from '../../platform/use-platform'
import { usePresenceProvider } from '../../sync/presence'
import type { ChorusDb } from '../../storage/db'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { PromptDialog } from '../../ui/PromptDialog'
import { CommentButton } from '../../review/panel/CommentButton'
import { useCommentHighlights } from '../../review/panel/use-comment-highlights'
import { EditorToolbar } from './EditorToolbar'
import { lessonExtensions } from './lesson-extensions'
import { LessonEditorContent, renderNodeViewsInto } from './LessonEditorContent'
import { normalizeLinkUrl } from './link-url'
import { ReadOnlyLesson } from './read-only-lesson'
import { showLesson, shownFragment } from './show-lesson'

interface LessonEditorProps {
  readonly db: ChorusDb
  readonly courseId: CourseId
  readonly fragment: XmlFragment
  readonly editable: boolean
}

const EMPTY_LESSON = { type: 'doc', content: [{ type: 'paragraph' }] }

/** Text fields keep their own undo (their keys never reach the editor); the menu's Undo must not reach past them. */
const focusInTextField = (): boolean => {
  const active = document.activeElement
  return active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement
}

const linkIn = (event: MouseEvent): HTMLAnchorElement | null =>
  event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href]') : null

/**
 * Rich text for the open lesson, written straight into its Y.XmlFragment. One editor serves every lesson of the
 * course: a lesson switch binds it to the next lesson's body instead of building a new editor.
 */
export function LessonEditor({ db, courseId, fragment, editable }: LessonEditorProps) {
  const platform = usePlatform()
  const provider = usePresenceProvider()
  const [linkPrompt, setLinkPrompt] = useState<{ readonly href: string } | null>(null)
  const [mediaError, setMediaError] = useState<ChorusError | null>(null)
  // A media problem belongs to the lesson it happened in: another lesson opens without it.
  const [errorLesson, setErrorLesson] = useState(fragment)
  if (errorLesson !== fragment) {
    setErrorLesson(fragment)
    setMediaError(null)
  }
  const [portals] = useState(createContentComponent)
  const media = useMemo(() => ({ db, courseId, onError: setMediaError }), [db, courseId])

  const editor = useEditor(
    {
      extensions: [
        ...lessonExtensions(fragment, provider, media),
        ReadOnlyLesson.configure({ readOnly: !editable }),
      ],
      onBeforeCreate: renderNodeViewsInto(portals),
      // What the editor starts from until Collaboration shows the lesson: as JSON, since Tiptap parses a string
      // (its default, '') as HTML, building a whole HTML document on every lesson switch.
      content: EMPTY_LESSON,
      // Read-only too: a reader needs the caret to select text by keyboard; ReadOnlyLesson refuses every change.
      editable: true,
      editorProps: {
        attributes: {
          class: 'lesson-body',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Lesson body',
          ...(editable ? {} : { 'aria-readonly': 'true', spellcheck: 'false' }),
        },
        handleDOMEvents: {
          // Links never navigate the app's window; Ctrl/⌘-click opens them in the system browser.
          click: (_view, event) => {
            const link = linkIn(event)
            if (!link) return false
            event.preventDefault()
            const href = link.getAttribute('href') ?? ''
            if ((event.ctrlKey || event.metaKey) && isExternalHttpUrl(href)) void platform.openExternal(href)
            return false
          },
          auxclick: (_view, event) => {
            if (linkIn(event)) event.preventDefault()
            return false
          },
        },
      },
    },
    // Not the lesson: a switch moves this editor to it (below). Its options are read again only when one of
    // these changes, and then from this render, so a rebuilt editor starts on the open lesson.
    [editable, platform, provider, media],
  )

  // Before the browser paints: the switch shows the new lesson in the same frame as the outline's selection.
  useLayoutEffect(() => {
    if (shownFragment(editor) !== fragment) showLesson(editor, fragment)
  }, [editor, fragment])

  useCommentHighlights(editor, fragment)

  // The desktop Edit menu's Undo/Redo: the same Yjs undo manager as the keys and the toolbar.
  useMenuCommand('undo', () => {
    if (editable && !focusInTextField()) editor.commands.undo()
  })
  useMenuCommand('redo', () => {
    if (editable && !focusInTextField()) editor.commands.redo()
  })

  const applyLink = (input: string) => {
    setLinkPrompt(null)
    const href = normalizeLinkUrl(input)
    const chain = editor.chain().extendMarkRange('link')
    if (href === null) {
      chain.unsetLink().run()
    } else if (editor.state.selection.empty && !editor.isActive('link')) {
      chain
        .insertContent({ type: 'text', text: input.trim(), marks: [{ type: 'link', attrs: { href } }] })
        .run()
    } else {
      chain.setLink({ href }).run()
    }
  }

  return (
    <div className="lesson-editor">
      <EditorToolbar
        editor={editor}
        editable={editable}
        onLink={() =>
          setLinkPrompt({ href: (editor.getAttributes('link').href as string | undefined) ?? '' })
        }
      />
      {mediaError && <ErrorNotice error={mediaError} onDismiss={() => setMediaError(null)} />}
      <CommentButton editor={editor} fragment={fragment} />
      <LessonEditorContent editor={editor} portals={portals} className="lesson-body-frame" />
      {linkPrompt && (
        <PromptDialog
          title={linkPrompt.href === '' ? 'Add a link' : 'Edit link'}
          label="Link address"
          inputType="url"
          placeholder="https://example.com"
          initialValue={linkPrompt.href}
          submitLabel="Apply"
          validate={(value) =>
            value.trim() === '' || normalizeLinkUrl(value) !== null
              ? null
              : 'Enter a web address such as https://example.com.'
          }
          onSubmit={applyLink}
          onCancel={() => setLinkPrompt(null)}
          onClosed={() => editor.commands.focus()}
        />
      )}
    </div>
  )
}
