import type { Editor } from '@tiptap/react'
import { useState, type KeyboardEvent, type ReactNode } from 'react'
import { InsertMenu } from './blocks/InsertMenu'
import { LinkIcon } from './LinkIcon'
import { NumberedListIcon } from './NumberedListIcon'
import { ToolbarButton } from './ToolbarButton'
import { useToolbarState } from './use-toolbar-state'

interface EditorToolbarProps {
  readonly editor: Editor
  readonly editable: boolean
  readonly onLink: () => void
}

interface Tool {
  readonly label: string
  readonly hint: string
  readonly icon: ReactNode
  readonly pressed?: boolean
  readonly enabled: boolean
  readonly run: () => void
  /** Starts a new visual group. */
  readonly group?: boolean
}

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+'

/**
 * The formatting toolbar. One tab stop (WAI-ARIA toolbar pattern): Tab enters it on the last used button,
 * arrow keys, Home and End move between buttons.
 */
export function EditorToolbar({ editor, editable, onLink }: EditorToolbarProps) {
  const state = useToolbarState(editor)
  const [current, setCurrent] = useState(0)
  const chain = () => editor.chain().focus()

  const tools: readonly Tool[] = [
    {
      label: 'H1 heading',
      hint: 'Heading 1',
      icon: 'H1',
      pressed: state.heading1,
      enabled: editable,
      run: () => chain().toggleHeading({ level: 1 }).run(),
    },
    {
      label: 'H2 heading',
      hint: 'Heading 2',
      icon: 'H2',
      pressed: state.heading2,
      enabled: editable,
      run: () => chain().toggleHeading({ level: 2 }).run(),
    },
    {
      label: 'H3 heading',
      hint: 'Heading 3',
      icon: 'H3',
      pressed: state.heading3,
      enabled: editable,
      run: () => chain().toggleHeading({ level: 3 }).run(),
    },
    {
      label: 'Bold',
      hint: `Bold (${MOD}B)`,
      icon: <b>B</b>,
      pressed: state.bold,
      enabled: editable,
      run: () => chain().toggleBold().run(),
      group: true,
    },
    {
      label: 'Italic',
      hint: `Italic (${MOD}I)`,
      icon: <i>I</i>,
      pressed: state.italic,
      enabled: editable,
      run: () => chain().toggleItalic().run(),
    },
    {
      label: 'Code',
      hint: `Inline code (${MOD}E)`,
      icon: <code>{'<>'}</code>,
      pressed: state.code,
      enabled: editable,
      run: () => chain().toggleCode().run(),
    },
    { label: 'Link', hint: 'Link', icon: <LinkIcon />, pressed: state.link, enabled: editable, run: onLink },
    {
      label: 'Bullet list',
      hint: 'Bullet list',
      icon: '•≡',
      pressed: state.bulletList,
      enabled: editable,
      run: () => chain().toggleBulletList().run(),
      group: true,
    },
    {
      label: 'Numbered list',
      hint: 'Numbered list',
      icon: <NumberedListIcon />,
      pressed: state.orderedList,
      enabled: editable,
      run: () => chain().toggleOrderedList().run(),
    },
    {
      label: 'Quote',
      hint: 'Quote',
      icon: '❝',
      pressed: state.blockquote,
      enabled: editable,
      run: () => chain().toggleBlockquote().run(),
    },
    {
      label: 'Code block',
      hint: 'Code block',
      icon: '{ }',
      pressed: state.codeBlock,
      enabled: editable,
      run: () => chain().toggleCodeBlock().run(),
    },
    {
      label: 'Undo',
      hint: `Undo (${MOD}Z)`,
      icon: '↶',
      enabled: editable && state.canUndo,
      run: () => chain().undo().run(),
      group: true,
    },
    {
      label: 'Redo',
      hint: `Redo (${MOD}Shift+Z)`,
      icon: '↷',
      enabled: editable && state.canRedo,
      run: () => chain().redo().run(),
    },
  ]

  const enabledIndexes = tools.flatMap((tool, index) => (tool.enabled ? [index] : []))
  // If the remembered button became disabled (e.g. Undo with nothing left), the first enabled one is the tab stop.
  const tabStop = enabledIndexes.includes(current) ? current : (enabledIndexes[0] ?? -1)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const position = enabledIndexes.indexOf(tabStop)
    const last = enabledIndexes.length - 1
    const next =
      event.key === 'ArrowRight'
        ? position >= last
          ? 0
          : position + 1
        : event.key === 'ArrowLeft'
          ? position <= 0
            ? last
            : position - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null
    if (next === null || last < 0) return
    event.preventDefault()
    const index = enabledIndexes[next] ?? 0
    setCurrent(index)
    event.currentTarget.querySelectorAll<HTMLButtonElement>('button')[index]?.focus()
  }

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting" onKeyDown={onKeyDown}>
      {tools.map((tool, index) => (
        <ToolbarButton
          key={tool.label}
          label={tool.label}
          hint={tool.hint}
          pressed={tool.pressed}
          disabled={!tool.enabled}
          tabIndex={index === tabStop ? 0 : -1}
          separated={tool.group === true}
          onFocus={() => setCurrent(index)}
          onPress={tool.run}
        >
          {tool.icon}
        </ToolbarButton>
      ))}
      <InsertMenu editor={editor} editable={editable} />
    </div>
  )
}
