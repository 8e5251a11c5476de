import { useId, useRef, useState, type KeyboardEvent } from 'react'
import type { Person } from '../../../../shared/review/types'
import { insertMention, mentionCandidates, mentionQueryAt, type MentionQuery } from './mention-query'

interface MentionTextareaProps {
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly members: readonly Person[]
  readonly meId: string
  readonly autoFocus?: boolean
  /** Ctrl/⌘+Enter. */
  readonly onSubmit: () => void
  readonly onCancel?: () => void
}

/**
 * A comment box that suggests course members after "@" (the ARIA autocomplete pattern: the list is announced
 * through aria-activedescendant while focus stays in the text).
 */
export function MentionTextarea({
  label,
  value,
  onChange,
  members,
  meId,
  autoFocus,
  onSubmit,
  onCancel,
}: MentionTextareaProps) {
  const listId = useId()
  const field = useRef<HTMLTextAreaElement>(null)
  const [mention, setMention] = useState<MentionQuery | null>(null)
  const [active, setActive] = useState(0)
  const candidates = mention === null ? [] : mentionCandidates(members, mention.query, meId)
  const open = candidates.length > 0
  const activeIndex = Math.min(active, candidates.length - 1)

  const track = (element: HTMLTextAreaElement): void => {
    const next = mentionQueryAt(element.value, element.selectionStart)
    setMention(next)
    if (next?.query !== mention?.query) setActive(0)
  }

  const choose = (person: Person): void => {
    const element = field.current
    if (element === null || mention === null) return
    const next = insertMention(value, mention, element.selectionStart, person.name)
    onChange(next.text)
    setMention(null)
    requestAnimationFrame(() => {
      element.focus()
      element.setSelectionRange(next.caret, next.caret)
    })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (open) {
      const chosen = candidates[activeIndex]
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        const step = event.key === 'ArrowDown' ? 1 : -1
        setActive((activeIndex + step + candidates.length) % candidates.length)
        return
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && chosen !== undefined) {
        event.preventDefault()
        choose(chosen)
        return
      }
      if (event.key === 'Escape') {
        event.preventDefault()
        setMention(null)
        return
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      onSubmit()
    } else if (event.key === 'Escape' && onCancel !== undefined) {
      event.preventDefault()
      onCancel()
    }
  }

  return (
    <div className="mention-field">
      <textarea
        ref={field}
        className="comment-input"
        aria-label={label}
        placeholder={`${label}… (@ to mention someone)`}
        rows={2}
        value={value}
        autoFocus={autoFocus}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${activeIndex}` : undefined}
        onChange={(event) => (onChange(event.target.value), track(event.target))}
        onSelect={(event) => track(event.currentTarget)}
        onBlur={() => setMention(null)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul id={listId} className="mention-list" role="listbox" aria-label="People to mention">
          {candidates.map((person, index) => (
            <li
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className="mention-option"
              // Choosing must not blur the text box first: that would close the list under the pointer.
              onMouseDown={(event) => (event.preventDefault(), choose(person))}
            >
              {person.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
