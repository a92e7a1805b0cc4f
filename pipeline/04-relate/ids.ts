import { createHash } from 'node:crypto';

/** An id derived from content, so one new row does not renumber the rest of a golden file. */
export function contentId(prefix: string, content: string): string {
  return `${prefix}-${createHash('sha1').update(content).digest('hex').slice(0, 10)}`;
}

/** Make ids unique within a document, in order: a repeated id gets "-2", "-3", ... */
export function dedupeIds<T extends { id: string }>(items: T[]): T[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const n = (seen.get(item.id) ?? 0) + 1;
    seen.set(item.id, n);
    return n === 1 ? item : { ...item, id: `${item.id}-${n}` };
  });
}
