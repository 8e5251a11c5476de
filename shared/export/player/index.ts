import { coreScript } from './core-script'
import { domScript } from './dom-script'

export { playerStyles } from './styles'

/** The whole player script: the core first, since the page wiring calls it as soon as it runs. */
export const playerScript = coreScript + domScript
