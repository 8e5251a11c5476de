import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { pickPlatform } from './platform'
import { PlatformContext } from './platform/platform-context'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <PlatformContext value={pickPlatform()}>
      <App />
    </PlatformContext>
  </StrictMode>,
)
