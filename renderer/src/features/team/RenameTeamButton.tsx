import { useState } from 'react'
import type { TeamSession } from '../../team/team-session'
import { PromptDialog } from '../../ui/PromptDialog'

/**
 * Leads name the team (until then it shows under its id). The new name reaches everyone through the team's
 * space; the relay refuses it from anyone but a lead, so nobody else is offered it.
 */
export function RenameTeamButton({ session }: { readonly session: TeamSession }) {
  const [open, setOpen] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  if (session.me.role !== 'lead') return null
  return (
    <>
      <button type="button" className="button" onClick={() => (setFailure(null), setOpen(true))}>
        Rename team…
      </button>
      {open && (
        <PromptDialog
          title="Rename the team"
          label="Team name"
          initialValue={session.snapshot.name}
          submitLabel="Rename"
          validate={(value) => (value.trim() === '' ? 'Give the team a name.' : null)}
          failure={failure}
          onSubmit={(name) => {
            try {
              session.commands.rename(name)
              setOpen(false)
            } catch (error) {
              setFailure(error instanceof Error ? error.message : String(error))
            }
          }}
          onCancel={() => setOpen(false)}
        />
      )}
    </>
  )
}
