/** "Not marked helpful yet", "1 found this helpful", "12 found this helpful". */
export function helpfulCountText(count: number): string {
  return count === 0
    ? 'Not marked helpful yet'
    : `${count.toLocaleString('en-US')} found this helpful`;
}
