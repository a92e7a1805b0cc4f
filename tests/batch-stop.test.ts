// The stopper of a batch run: a wait raced against a signal settles as the wait
// does, a signal rejects it, and a settled wait is not kept (a run waits once per
// input: keeping each one kept every input read, text and all).
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { stopOnSignals } from '../src/batch/run.ts';
import { Interrupted } from '../src/exit.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('stopOnSignals', () => {
  it('keeps nothing of a wait once it has settled', async () => {
    const stop = stopOnSignals(() => {});
    try {
      const refs: Array<WeakRef<object>> = [];
      for (let i = 0; i < 200; i++) {
        const value = { text: 'x'.repeat(1000) + i };
        refs.push(new WeakRef(value));
        expect(await stop.race(Promise.resolve(value))).toBe(value);
      }
      await new Promise((resolve) => setImmediate(resolve));
      gc();
      // The last one or two may still be held by the await machinery; Promise.race against the signal kept all 200.
      expect(refs.filter((r) => r.deref() !== undefined).length).toBeLessThanOrEqual(2);
    } finally {
      stop.dispose();
    }
  });

  it('rejects a wait with Interrupted when a signal comes, and at once after it', async () => {
    const stop = stopOnSignals(() => {});
    try {
      const waiting = stop.race(new Promise(() => {}));
      process.emit('SIGTERM', 'SIGTERM');
      await expect(waiting).rejects.toBeInstanceOf(Interrupted);
      await expect(stop.race(Promise.resolve(1))).rejects.toBeInstanceOf(Interrupted);
      expect(stop.signal).toBe('SIGTERM');
    } finally {
      stop.dispose();
    }
  });
});
