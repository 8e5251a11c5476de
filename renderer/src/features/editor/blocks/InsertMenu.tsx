import type { Editor } from '@tiptap/react'
import { useRef, useState, type KeyboardEvent } from 'react'
import { NODE } from '../../../../../shared/course/content'
import { acceptFor, type MediaKind } from '../../../media/media-limits'
import { insertBlocks } from './insert-block'
import { insertMediaFiles } from './insert-media'
import { newQuestion } from './question-model'

interface InsertMenuProps {
  readonly editor: Editor
  readonly editable: boolean
}

const insertCallout = (editor: Editor) => {
  // Selected paragraphs move into the callout; where that is not possible a new, empty one goes in.
  if (editor.chain().focus().wrapIn(NODE.callout, { tone: 'info' }).run()) return
  insertBlocks(editor, [{ type: NODE.callout, attrs: { tone: 'info' }, content: [{ type: NODE.paragraph }] }])
}

/**
 * The Insert group of the toolbar: a question, media from a file, a callout. Its own tab stop; arrow keys move
 * inside it (and stay inside it, so the formatting toolbar's arrow keys do not take over).
 */
export function InsertMenu({ editor, editable }: InsertMenuProps) {
  const fileInput = useRef<HTMLInputElement>(null)
  const [picking, setPicking] = useState<MediaKind>('image')
  const [current, setCurrent] = useState(0)

  const pick = (kind: MediaKind) => {
    const input = fileInput.current
    if (!input) return
    setPicking(kind)
    input.accept = acceptFor(kind)
    input.click()
  }

  const items: readonly { readonly label: string; readonly run: () => void }[] = [
    {
      label: 'Question',
      run: () => insertBlocks(editor, [{ type: NODE.question, attrs: { ...newQuestion() } }]),
    },
    { label: 'Image', run: () => pick('image') },
    { label: 'Video', run: () => pick('video') },
    { label: 'Audio', run: () => pick('audio') },
    { label: 'Callout', run: () => insertCallout(editor) },
  ]

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (step === 0) return
    event.preventDefault()
    event.stopPropagation()
    const next = (current + step + items.length) % items.length
    setCurrent(next)
    event.currentTarget.querySelectorAll('button')[next]?.focus()
  }

  return (
    <div className="insert-menu" role="group" aria-label="Insert" onKeyDown={onKeyDown}>
      <span className="insert-menu-label" aria-hidden="true">
        Insert
      </span>
      {items.map((item, index) => (
        <button
          key={item.label}
          type="button"
          className="toolbar-button insert-menu-button"
          disabled={!editable}
          tabIndex={index === current ? 0 : -1}
          title={`Insert ${item.label.toLowerCase()}`}
          onMouseDown={(event) => event.preventDefault()}
          onFocus={() => setCurrent(index)}
          onClick={item.run}
        >
          {item.label}
        </button>
      ))}
      <input
        ref={fileInput}
        type="file"
        hidden
        multiple
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])]
          event.currentTarget.value = ''
          void insertMediaFiles(editor, files, picking)
        }}
      />
    </div>
  )
}
