import { describe, expect, it } from 'vitest'
import type { ContentNode, QuestionAttrs } from '../course/content'
import { renderNode, type RenderContext } from './render-content'

const HASH = 'a'.repeat(64)

const render = (
  node: ContentNode,
  media: Record<string, string> = {},
): { html: string; questions: QuestionAttrs[] } => {
  const questions: QuestionAttrs[] = []
  const ctx: RenderContext = {
    mediaUrl: (hash) => media[hash] ?? null,
    addQuestion: (q) => questions.push(q) - 1,
  }
  return { html: renderNode(node, ctx), questions }
}

const text = (value: string, marks: ContentNode['marks'] = []): ContentNode => ({
  type: 'text',
  text: value,
  marks,
})

describe('renderNode', () => {
  it('escapes text and attributes, and keeps only links that cannot run script', () => {
    const { html } = render({
      type: 'paragraph',
      content: [
        text('<b>"5 > 3"</b> & '),
        text('safe', [{ type: 'link', attrs: { href: 'https://example.com/?a=1&b="2"' } }]),
        text(' evil', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
        text(' bold', [{ type: 'bold' }, { type: 'italic' }]),
      ],
    })
    expect(html).toBe(
      '<p>&lt;b&gt;&quot;5 &gt; 3&quot;&lt;/b&gt; &amp; ' +
        '<a href="https://example.com/?a=1&amp;b=&quot;2&quot;" target="_blank" rel="noopener noreferrer">safe</a>' +
        ' evil<em><strong> bold</strong></em></p>',
    )
  })

  it('shifts headings below the lesson title and keeps unknown blocks’ children', () => {
    const { html } = render({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [text('Intro')] },
        { type: 'heading', attrs: { level: 6 }, content: [text('Deep')] },
        { type: 'fancyNewBlock', content: [{ type: 'paragraph', content: [text('kept')] }] },
      ],
    })
    expect(html).toBe('<h3>Intro</h3><h6>Deep</h6><p>kept</p>')
  })

  it('renders questions without their answers, numbered in course order', () => {
    const question = (id: string, correct: boolean[]): ContentNode => ({
      type: 'question',
      attrs: {
        id,
        kind: correct.filter(Boolean).length > 1 ? 'multiple' : 'single',
        prompt: `Prompt ${id} <?>`,
        choices: correct.map((c, i) => ({ id: `${id}${i}`, text: `Choice ${i}`, correct: c })),
        feedbackCorrect: 'Yes',
        feedbackIncorrect: 'No',
      },
    })
    const { html, questions } = render({
      type: 'doc',
      content: [question('a', [false, true]), question('b', [true, false, true])],
    })
    expect(questions.map((q) => q.id)).toEqual(['a', 'b'])
    expect(html).toContain(
      '<form class="question" data-question="0"><fieldset><legend>Prompt a &lt;?&gt;</legend>',
    )
    expect(html).toContain('<input type="radio" name="q0" value="1">')
    expect(html).toContain('<input type="checkbox" name="q1" value="2">')
    // Which choice is right lives only in the player's data, not in the markup.
    expect(
      html
        .match(/<input [^>]*>/g)
        ?.every((input) => /^<input type="\w+" name="q\d" value="\d">$/.test(input)),
    ).toBe(true)
  })

  it('skips questions nobody could answer', () => {
    const broken: ContentNode[] = [
      { type: 'question', attrs: { id: 'x', kind: 'single', prompt: 'No choices', choices: [] } },
      { type: 'question', attrs: { id: 'y', kind: 'essay', prompt: 'Unknown kind', choices: [] } },
      {
        type: 'question',
        attrs: {
          id: 'z',
          kind: 'single',
          prompt: 'None right',
          choices: [
            { id: '1', text: 'a' },
            { id: '2', text: 'b' },
          ],
        },
      },
    ]
    expect(render({ type: 'doc', content: broken })).toEqual({ html: '', questions: [] })
  })

  it('points media at the given URLs and shows a placeholder for a missing blob', () => {
    const image: ContentNode = { type: 'image', attrs: { hash: HASH, alt: 'A "chart"', mime: 'image/png' } }
    expect(render(image, { [HASH]: 'media/a.png' }).html).toBe(
      '<figure><img src="media/a.png" alt="A &quot;chart&quot;"></figure>',
    )
    expect(render(image).html).toContain('class="media-missing"')
    const audio: ContentNode = { type: 'audio', attrs: { hash: HASH, mime: 'audio/mpeg', title: 'Intro' } }
    expect(render(audio, { [HASH]: 'media/a.mp3' }).html).toBe(
      '<figure><audio controls preload="metadata" src="media/a.mp3" title="Intro"></audio><figcaption>Intro</figcaption></figure>',
    )
    expect(render({ type: 'image', attrs: { hash: '../../etc/passwd', alt: '' } }).html).toBe('')
  })

  it('renders callouts by tone, defaulting to info', () => {
    const callout = (tone: unknown): string =>
      render({ type: 'callout', attrs: { tone }, content: [{ type: 'paragraph', content: [text('Note')] }] })
        .html
    expect(callout('warning')).toBe('<aside class="callout callout-warning" role="note"><p>Note</p></aside>')
    expect(callout('"><script>')).toContain('callout-info')
  })
})
