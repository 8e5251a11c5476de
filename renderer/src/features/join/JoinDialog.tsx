import { parseJoinLink } from '../../../../shared/protocol/invite'
import { PromptDialog } from '../../ui/PromptDialog'

interface JoinDialogProps {
  /** A well-formed invite link; joining it still goes through the join confirmation. */
  readonly onInvite: (link: string) => void
  readonly onCancel: () => void
}

/**
 * Asks for an invite link, to a course or to a team; the confirmation that follows shows where it leads before
 * anything is joined.
 */
export function JoinDialog({ onInvite, onCancel }: JoinDialogProps) {
  const validate = (value: string): string | null => {
    const parsed = parseJoinLink(value)
    return parsed.ok ? null : parsed.error.message
  }

  return (
    <PromptDialog
      title="Join shared course"
      label="Invite link"
      submitLabel="Join"
      placeholder="chorus://join?relay=…"
      validate={validate}
      onSubmit={onInvite}
      onCancel={onCancel}
    />
  )
}
