import { useClipboardCopy } from '../../ui/use-clipboard-copy'

interface CopyNotesButtonProps {
  readonly text: string
}

/** Copies the release notes to the clipboard and says whether it worked. */
export function CopyNotesButton({ text }: CopyNotesButtonProps) {
  const [state, copy] = useClipboardCopy()
  return (
    <div className="export-notes-copy">
      <button type="button" className="button" onClick={() => copy(text)}>
        Copy release notes
      </button>
      <span role="status" className="copy-feedback">
        {state === 'copied'
          ? 'Release notes copied'
          : state === 'failed'
            ? 'Could not copy: this page has no clipboard access. Allow it, or copy the list by hand.'
            : ''}
      </span>
    </div>
  )
}
