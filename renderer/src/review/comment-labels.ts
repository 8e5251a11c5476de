/** "1 open comment", "3 open comments": the outline badge's accessible name and the export dialog's note. */
export const openCommentsLabel = (count: number): string =>
  `${count} open ${count === 1 ? 'comment' : 'comments'}`
