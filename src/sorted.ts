// Binary search over sorted items, for the offset look-ups of every stage.

/**
 * The first index i in [0, length) for which `before(i)` is false, where `before`
 * is true for a prefix of the indices and false after it; `length` if it never is.
 */
export function firstIndexNotBefore(length: number, before: (i: number) => boolean): number {
  let lo = 0, hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
