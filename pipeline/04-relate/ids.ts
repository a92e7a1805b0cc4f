import * as crypto from 'node:crypto';

/** SHA-1 in hex: the one-shot `crypto.hash` where Node has it (20.12+), much cheaper per short string than a Hash object. */
const sha1Hex: (content: string) => string =
  typeof crypto.hash === 'function' ? (content) => crypto.hash('sha1', content, 'hex') : (content) => crypto.createHash('sha1').update(content).digest('hex');

/** An id derived from content, so one new row does not renumber the rest of a golden file. */
export function contentId(prefix: string, content: string): string {
  return `${prefix}-${sha1Hex(content).slice(0, 10)}`;
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
