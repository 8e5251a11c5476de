/** The player's stylesheet: system fonts, no external assets, readable on a phone and in an LMS frame. */
export const playerStyles = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2230; background: #f6f7f9; }
.chorus { min-height: 100vh; display: flex; flex-direction: column; }
.bar { position: sticky; top: 0; z-index: 2; display: flex; align-items: center; gap: 12px; padding: 10px 16px; background: #fff; border-bottom: 1px solid #dde1e8; }
.bar h1 { flex: 1; margin: 0; font-size: 18px; line-height: 1.3; }
.bar button, .pager button, .question .check, .question .try-again { font: inherit; font-size: 15px; padding: 6px 14px; border-radius: 6px; border: 1px solid #b8c0cc; background: #fff; color: inherit; cursor: pointer; }
.bar button:hover, .pager button:hover:not(:disabled), .question .try-again:hover { background: #eef1f5; }
button:disabled { opacity: 0.5; cursor: default; }
.status { padding: 6px 16px; font-size: 14px; color: #4a5263; background: #eef1f5; }
.body { flex: 1; display: flex; align-items: flex-start; }
.toc { width: 280px; flex: none; padding: 16px; font-size: 15px; position: sticky; top: 56px; max-height: calc(100vh - 56px); overflow: auto; }
.toc ol { list-style: none; margin: 0; padding: 0; }
.toc .section-title { display: block; margin: 12px 0 4px; font-weight: 600; color: #4a5263; }
.toc a { display: block; padding: 4px 8px; border-radius: 4px; color: inherit; text-decoration: none; }
.toc a.viewed::after { content: " \\2713"; color: #2f7d4f; }
.toc a[aria-current="page"] { background: #dfe7f5; font-weight: 600; }
.content { flex: 1; min-width: 0; max-width: 760px; margin: 0 auto; padding: 24px 20px 48px; }
.ready .lesson { display: none; }
.ready .lesson.current { display: block; }
.lesson { background: #fff; border: 1px solid #dde1e8; border-radius: 8px; padding: 8px 28px 24px; margin-bottom: 16px; }
.lesson h2 { font-size: 1.6em; line-height: 1.25; }
.lesson li > p { margin: 0.25em 0; }
.lesson img, .lesson video { max-width: 100%; height: auto; }
.lesson figure { margin: 16px 0; }
.lesson audio { width: 100%; }
.lesson pre { overflow: auto; padding: 12px; background: #f2f4f7; border-radius: 6px; }
.lesson blockquote { margin: 16px 0; padding-left: 16px; border-left: 3px solid #b8c0cc; color: #4a5263; }
.callout { margin: 16px 0; padding: 10px 16px; border-radius: 6px; border-left: 4px solid; }
.callout-info { background: #eaf2fd; border-color: #3b73c4; }
.callout-tip { background: #eaf7ef; border-color: #2f7d4f; }
.callout-warning { background: #fdf4e3; border-color: #b7791f; }
.media-missing { padding: 12px; border: 1px dashed #b8c0cc; color: #4a5263; }
.question { margin: 20px 0; padding: 16px; border: 1px solid #dde1e8; border-radius: 8px; background: #fafbfc; }
.question fieldset { border: 0; margin: 0; padding: 0; }
.question legend { font-weight: 600; margin-bottom: 8px; }
.question .hint { margin: 0 0 4px; font-size: 14px; color: #4a5263; }
.question .choice { display: flex; gap: 8px; align-items: baseline; padding: 4px 0; }
.question .try-again { margin-left: 8px; }
.question .feedback { margin: 12px 0 0; padding: 8px 12px; border-radius: 6px; }
.question .feedback-correct { background: #eaf7ef; }
.question .feedback-incorrect { background: #fdecec; }
.reaction { margin: 24px 0 0; padding: 12px 16px; border: 1px solid #dde1e8; border-radius: 8px; display: flex; flex-wrap: wrap; gap: 8px; }
.reaction legend { padding: 0 4px; font-weight: 600; }
.reaction button { font: inherit; font-size: 15px; padding: 6px 14px; border-radius: 6px; border: 1px solid #b8c0cc; background: #fff; color: inherit; cursor: pointer; }
.reaction button:hover { background: #eef1f5; }
.reaction button[aria-pressed="true"] { background: #dfe7f5; border-color: #3b73c4; font-weight: 600; }
.pager { display: flex; align-items: center; justify-content: space-between; gap: 12px; }
.toc-toggle { display: none; }
.ended .body, .ended .status { display: none; }
.ended-note { display: none; padding: 48px 20px; text-align: center; }
.ended .ended-note { display: block; }
.version { padding: 8px 16px 16px; font-size: 13px; color: #4a5263; text-align: center; }
@media (max-width: 800px) {
  .toc-toggle { display: inline-block; }
  .toc { display: none; position: static; width: auto; max-height: none; }
  .toc-open .toc { display: block; }
  .body { flex-direction: column; align-items: stretch; }
  .lesson { padding: 4px 16px 16px; }
}
`
