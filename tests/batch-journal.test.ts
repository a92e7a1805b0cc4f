// The journal: entries survive a stop, a torn last line is cut off, a damaged line
// is processed again, unused entries are dropped when they outweigh the used ones,
// and the folder lock keeps two runs apart.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failedFragment, withSource, documentCsv } from '../src/batch/fragment.ts';
import { Journal, JournalLockedError } from '../src/batch/journal.ts';
import { contentHash } from '../src/batch/version.ts';
import type { DocInput } from '../src/model.ts';
import { tempDir } from './helpers/run.ts';

const input = (i: number): DocInput => ({ docId: `doc-${i}`, source: `in.jsonl:${i}`, raw: `Text number ${i}.` });
const fragment = (i: number) => ({ ...failedFragment(input(i)), status: 'ok' as const, error: '' });
const journalFile = (out: string) => path.join(out, '.news-extract', 'journal.jsonl');

describe('journal', () => {
  it('keeps entries across runs, cuts a torn line and ignores a damaged one', () => {
    const out = tempDir();
    const j1 = new Journal(out);
    for (let i = 0; i < 5; i++) j1.add(contentHash(input(i)), fragment(i));
    j1.abandon(); // as a stopped run: flushed, lock released
    // A kill in the middle of a write leaves half a line; a bad disk a garbled one.
    const lines = fs.readFileSync(journalFile(out), 'utf8').split('\n');
    lines[2] = lines[2].replace('"json":"', '"json":"\u0000').slice(0, -5);
    fs.writeFileSync(journalFile(out), lines.join('\n') + '{"h":"' + 'ab'.repeat(10));

    const j2 = new Journal(out);
    expect(j2.entriesAtStart).toBe(5);
    expect(j2.get(contentHash(input(0)))).toMatchObject({ docId: 'doc-0', status: 'ok' });
    expect(j2.get(contentHash(input(2)))).toBeUndefined(); // damaged: processed again
    expect(j2.get(contentHash(input(7)))).toBeUndefined();
    expect(fs.readFileSync(journalFile(out), 'utf8').endsWith('\n')).toBe(true); // torn tail cut off
    j2.add(contentHash(input(2)), fragment(2));
    j2.abandon();

    const j3 = new Journal(out);
    expect(j3.get(contentHash(input(2)))).toMatchObject({ docId: 'doc-2' });
    j3.close();
  });

  it('drops entries a run did not use once they outweigh the used ones', () => {
    const out = tempDir();
    const j1 = new Journal(out);
    for (let i = 0; i < 10; i++) j1.add(contentHash(input(i)), fragment(i));
    j1.close();
    const j2 = new Journal(out);
    for (let i = 0; i < 3; i++) expect(j2.get(contentHash(input(i)))).toBeDefined();
    j2.add(contentHash(input(20)), fragment(20));
    j2.close();
    expect(fs.readFileSync(journalFile(out), 'utf8').trim().split('\n')).toHaveLength(4);
    const j3 = new Journal(out);
    for (const i of [0, 1, 2, 20]) expect(j3.get(contentHash(input(i)))).toMatchObject({ docId: `doc-${i}` });
    j3.close();
    const fresh = new Journal(out, { fresh: true });
    expect(fresh.entriesAtStart).toBe(0);
    fresh.close();
  });

  it('hashes content and pipeline version, not where the document was read', () => {
    const a = input(1);
    expect(contentHash({ ...a, source: 'elsewhere.jsonl:9' })).toBe(contentHash(a));
    expect(contentHash({ ...a, raw: a.raw + ' ' })).not.toBe(contentHash(a));
    expect(contentHash({ ...a, docId: 'other' })).not.toBe(contentHash(a));
    expect(contentHash({ ...a, format: 'html' })).not.toBe(contentHash(a));
    expect(contentHash(a, 'another pipeline')).not.toBe(contentHash(a));
    // A fragment taken for a document that moved gets its new source, in the same place.
    const moved = withSource(fragment(1), 'in.jsonl:12');
    expect(documentCsv(moved)).toBe(documentCsv({ ...fragment(1), documentRow: { ...fragment(1).documentRow, source: 'in.jsonl:12' } }));
    expect(Object.keys(JSON.parse(moved.json))).toEqual(Object.keys(JSON.parse(fragment(1).json)));
    expect(JSON.parse(moved.json).source).toBe('in.jsonl:12');
  });

  it('refuses a folder another live run holds, takes over one a dead run left', async () => {
    const out = tempDir();
    const lock = path.join(out, '.news-extract', 'lock');
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(lock, JSON.stringify({ pid: sleeper.pid, started: 'now' }));
      expect(() => new Journal(out)).toThrow(JournalLockedError);
    } finally {
      sleeper.kill('SIGKILL');
      await new Promise((r) => sleeper.on('exit', r));
    }
    const j = new Journal(out);
    expect(j.interruptedRun?.pid).toBe(sleeper.pid);
    j.close();
    expect(fs.existsSync(lock)).toBe(false);
  });
});
