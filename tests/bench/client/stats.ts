/** Nearest-rank percentile of `values` (milliseconds); NaN when there are none. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank] ?? Number.NaN
}

export const median = (values: readonly number[]): number => percentile(values, 50)

export const ms = (value: number): string =>
  Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : '—'

export const ratio = (ours: number, floor: number): string =>
  floor > 0 && Number.isFinite(ours / floor) ? `${(ours / floor).toFixed(2)}×` : '—'
