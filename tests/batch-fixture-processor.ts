// A processor module for tests/batch-pool.test.ts: behaves by document id, so a
// worker can be made to throw, exit, run out of memory or hang on purpose.
import { failedFragment, type Fragment } from '../src/batch/fragment.ts';
import type { DocInput } from '../src/model.ts';

export function createDocProcessor(): (input: DocInput) => Fragment {
  return (input) => {
    if (input.docId === 'throw') throw new Error('boom');
    if (input.docId === 'exit') process.exit(3);
    if (input.docId === 'oom') {
      const hog: string[][] = [];
      for (;;) hog.push(new Array(100_000).fill(`x${hog.length}`));
    }
    if (input.docId === 'big') {
      // About 100 MB held at once: more than a 64 MB heap, less than 256 MB.
      const held: string[][] = [];
      for (let i = 0; i < 130; i++) held.push(new Array(100_000).fill(`y${i}`));
      if (held.length !== 130) throw new Error('unreachable');
    }
    if (input.docId === 'hang') for (;;);
    if (input.docId.startsWith('busy')) for (const until = Date.now() + 900; Date.now() < until; );
    const f = failedFragment(input);
    return { ...f, status: 'ok', error: '', json: JSON.stringify({ doc_id: input.docId, text: input.raw.toUpperCase() }) };
  };
}
