import { MARK, NODE, type ContentMark, type ContentNode, type QuestionAttrs } from '../course/content'
import { calloutTone, imageAttrs, mediaAttrs, questionAttrs } from './content-attrs'
import { escapeHtml as esc, safeHref } from './html'

/** What rendering needs from its caller: where media live, and a running number for each question met. */
export interface RenderContext {
  /** The URL the page loads a blob from, or null when the blob is missing. */
  readonly mediaUrl: (hash: string) => string | null
  /** Registers a question in course order and returns its index in the player's data. */
  readonly addQuestion: (question: QuestionAttrs) => number
}

const children = (node: ContentNode, ctx: RenderContext): string =>
  (node.content ?? []).map((child) => renderNode(child, ctx)).join('')

const wrapMark = (html: string, mark: ContentMark): string => {
  switch (mark.type) {
    case MARK.bold:
      return `<strong>${html}</strong>`
    case MARK.italic:
      return `<em>${html}</em>`
    case MARK.strike:
      return `<s>${html}</s>`
    case MARK.underline:
      return `<u>${html}</u>`
    case MARK.code:
      return `<code>${html}</code>`
    case MARK.link: {
      const href = safeHref(mark.attrs?.href)
      return href ? `<a href="${esc(href)}" target="_blank" rel="noopener noreferrer">${html}</a>` : html
    }
    default:
      return html
  }
}

const renderText = (node: ContentNode): string => (node.marks ?? []).reduce(wrapMark, esc(node.text ?? ''))

const missing = (what: string): string =>
  `<p class="media-missing">${esc(what)} is not available in this copy of the course.</p>`

const renderQuestion = (node: ContentNode, ctx: RenderContext): string => {
  const q = questionAttrs(node)
  if (!q) return ''
  const index = ctx.addQuestion(q)
  const many = q.kind === 'multiple' || q.choices.filter((c) => c.correct).length > 1
  const choices = q.choices
    .map(
      (c, i) =>
        `<label class="choice"><input type="${many ? 'checkbox' : 'radio'}" name="q${index}" value="${i}"><span>${esc(c.text)}</span></label>`,
    )
    .join('')
  const hint = many ? '<p class="hint">Choose all that apply.</p>' : ''
  return (
    `<form class="question" data-question="${index}"><fieldset><legend>${esc(q.prompt)}</legend>${hint}${choices}</fieldset>` +
    `<button type="submit" class="check">Check answer</button>` +
    `<p class="feedback feedback-correct" hidden><strong>Correct.</strong> ${esc(q.feedbackCorrect)}</p>` +
    `<p class="feedback feedback-incorrect" hidden><strong>Not quite.</strong> ${esc(q.feedbackIncorrect)}</p></form>`
  )
}

const renderImage = (node: ContentNode, ctx: RenderContext): string => {
  const a = imageAttrs(node)
  if (!a) return ''
  const url = ctx.mediaUrl(a.hash)
  return url
    ? `<figure><img src="${esc(url)}" alt="${esc(a.alt)}"></figure>`
    : missing(`The image “${a.alt || a.hash.slice(0, 8)}”`)
}

const renderPlayable = (node: ContentNode, ctx: RenderContext, tag: 'video' | 'audio'): string => {
  const a = mediaAttrs(node)
  if (!a) return ''
  const url = ctx.mediaUrl(a.hash)
  const title = a.title ? `<figcaption>${esc(a.title)}</figcaption>` : ''
  if (!url) return missing(`The ${tag} “${a.title || a.hash.slice(0, 8)}”`)
  return `<figure><${tag} controls preload="metadata" src="${esc(url)}" title="${esc(a.title)}"></${tag}>${title}</figure>`
}

const headingLevel = (node: ContentNode): number => {
  const level = Number(node.attrs?.level)
  // The lesson title is the page's h2, so a lesson's own headings start one below it.
  return Math.min(6, Math.max(3, Number.isInteger(level) ? level + 2 : 3))
}

/** Renders one node of a lesson body to HTML. Unknown node types (from a newer app) keep their children. */
export const renderNode = (node: ContentNode, ctx: RenderContext): string => {
  switch (node.type) {
    case NODE.doc:
      return children(node, ctx)
    case NODE.text:
      return renderText(node)
    case NODE.paragraph:
      return `<p>${children(node, ctx)}</p>`
    case NODE.heading: {
      const h = `h${headingLevel(node)}`
      return `<${h}>${children(node, ctx)}</${h}>`
    }
    case NODE.bulletList:
      return `<ul>${children(node, ctx)}</ul>`
    case NODE.orderedList: {
      const start = Number(node.attrs?.start)
      const attr = Number.isInteger(start) && start !== 1 ? ` start="${start}"` : ''
      return `<ol${attr}>${children(node, ctx)}</ol>`
    }
    case NODE.listItem:
      return `<li>${children(node, ctx)}</li>`
    case NODE.blockquote:
      return `<blockquote>${children(node, ctx)}</blockquote>`
    case NODE.codeBlock:
      return `<pre><code>${children(node, ctx)}</code></pre>`
    case NODE.hardBreak:
      return '<br>'
    case NODE.horizontalRule:
      return '<hr>'
    case NODE.question:
      return renderQuestion(node, ctx)
    case NODE.image:
      return renderImage(node, ctx)
    case NODE.video:
      return renderPlayable(node, ctx, 'video')
    case NODE.audio:
      return renderPlayable(node, ctx, 'audio')
    case NODE.callout:
      return `<aside class="callout callout-${calloutTone(node)}" role="note">${children(node, ctx)}</aside>`
    default:
      return children(node, ctx)
  }
}
