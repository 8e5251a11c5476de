import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { watchAddressForInvites } from './app/invite-address'
import { createInviteInbox } from './features/join/invite-inbox'
import { pickPlatform } from './platform'
import { PlatformContext } from './platform/platform-context'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

// Before the first render: an invite's token leaves the address bar and history before anything shows the link.
const invites = createInviteInbox()
watchAddressForInvites(invites.offer)

createRoot(root).render(
  <StrictMode>
    <PlatformContext value={pickPlatform()}>
      <App invites={invites} />
    </PlatformContext>
  </StrictMode>,
)
