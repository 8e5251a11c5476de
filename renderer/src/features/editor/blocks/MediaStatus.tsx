import type { MediaUrl } from '../../../media/use-media-url'

const NAMES = { image: 'Image', video: 'Video', audio: 'Audio' } as const

/** What shows while a blob loads, or in its place when this device does not have it yet. */
export function MediaStatus({
  media,
  kind,
}: {
  readonly media: MediaUrl
  readonly kind: keyof typeof NAMES
}) {
  if (media.kind === 'loading') return <p className="block-media-status">Loading…</p>
  return (
    <p className="block-media-status block-media-missing" role="note">
      {NAMES[kind]} not on this device yet — it arrives when a co-author who has it is online.
    </p>
  )
}
