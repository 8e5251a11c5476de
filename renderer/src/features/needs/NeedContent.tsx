import type { NeedSnapshot } from '../../../../shared/team/types'

interface NeedContentProps {
  readonly need: NeedSnapshot
  /** The duplicates a lead merged into this need. */
  readonly mergedFrom: readonly NeedSnapshot[]
}

/** What the declarer wrote: the outcome, the context, the links; and the duplicates merged into it. */
export function NeedContent({ need, mergedFrom }: NeedContentProps) {
  return (
    <dl className="need-content">
      <dt>What people should be able to do afterwards</dt>
      <dd className="need-text">{need.outcome}</dd>
      <dt>Who needs it</dt>
      <dd>{need.audience}</dd>
      {need.context !== '' && (
        <>
          <dt>Context</dt>
          <dd className="need-text">{need.context}</dd>
        </>
      )}
      {need.links.length > 0 && (
        <>
          <dt>Links</dt>
          <dd>
            <ul className="need-links">
              {need.links.map((link) => (
                <li key={link}>
                  {/* The relay only accepts http(s) links, and a new window keeps the team space open. */}
                  <a href={link} target="_blank" rel="noreferrer noopener">
                    {link}
                  </a>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {mergedFrom.length > 0 && (
        <>
          <dt>Duplicates merged into it</dt>
          <dd>{mergedFrom.map((duplicate) => `“${duplicate.title}”`).join(', ')}</dd>
        </>
      )}
    </dl>
  )
}
