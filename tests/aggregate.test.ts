// Run-level tables: one row per entity across articles, and who is quoted most.
import { describe, expect, it } from 'vitest';
import { RunAggregates } from '../src/aggregate.ts';
import type { DocRows, Row } from '../pipeline/05-export/index.ts';

function doc(docId: string, rows: Partial<DocRows>): DocRows {
  const empty: DocRows = { documents: [], organisations: [], places: [], people: [], mentions: [], quotes: [], claims: [], relations: [] };
  const withDoc = (list: Row[] = []) => list.map((r) => ({ doc_id: docId, ...r }));
  return { ...empty, organisations: withDoc(rows.organisations), places: withDoc(rows.places), people: withDoc(rows.people), quotes: withDoc(rows.quotes) };
}

describe('run aggregates', () => {
  it('joins an entity across articles by its full name and its specific aliases, not by generic ones', () => {
    const run = new RunAggregates();
    run.addDocument(doc('a', { organisations: [{ entity_id: 'org-department-of-health', name: 'Department of Health', aliases: 'DH|the department', mentions: 2 }] }));
    run.addDocument(doc('b', { organisations: [{ entity_id: 'org-dh', name: 'DH', aliases: '', mentions: 1 }, { entity_id: 'org-x', name: 'Home Office', aliases: 'the department', mentions: 1 }] }));
    run.addDocument(doc('c', { organisations: [{ entity_id: 'org-department-of-health', name: 'Department of Health', aliases: '', mentions: 3 }] }));
    const rows = run.entityRows();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ type: 'organisation', name: 'Department of Health', articles: 3, mentions: 6, doc_ids: 'a|b|c' });
    expect(rows[1]).toMatchObject({ name: 'Home Office', articles: 1 });
  });

  it('does not join two people by a shared surname', () => {
    const run = new RunAggregates();
    run.addDocument(doc('a', { people: [{ entity_id: 'person-gordon-brown', name: 'Gordon Brown', aliases: 'Brown|Mr Brown', mentions: 2 }] }));
    run.addDocument(doc('b', { people: [{ entity_id: 'person-nick-brown', name: 'Nick Brown', aliases: 'Brown', mentions: 1 }] }));
    expect(run.entityRows().map((r) => r.name).sort()).toEqual(['Gordon Brown', 'Nick Brown']);
  });

  it('counts quotes and words per speaker across articles', () => {
    const run = new RunAggregates();
    run.addDocument(doc('a', { people: [{ entity_id: 'person-tony-blair', name: 'Tony Blair', aliases: 'Mr Blair', mentions: 2 }], quotes: [{ kind: 'direct', speaker: 'Tony Blair', speaker_entity_id: 'person-tony-blair', text: 'We will win' }] }));
    run.addDocument(doc('b', { people: [{ entity_id: 'person-tony-blair', name: 'Tony Blair', aliases: '', mentions: 1 }], quotes: [{ kind: 'indirect', speaker: 'Tony Blair', speaker_entity_id: 'person-tony-blair', text: 'taxes would not rise' }, { kind: 'direct', speaker: 'a spokesman', speaker_entity_id: '', text: 'No comment' }] }));
    const rows = run.speakerRows();
    expect(rows[0]).toMatchObject({ speaker: 'Tony Blair', type: 'person', quotes: 2, direct: 1, indirect: 1, words_quoted: 7, articles: 2, doc_ids: 'a|b' });
    expect(rows[1]).toMatchObject({ speaker: 'a spokesman', entity_key: '', quotes: 1 });
  });

  it('cuts a doc_ids list to fit a spreadsheet cell and still counts every article', () => {
    const run = new RunAggregates();
    const ids = Array.from({ length: 3000 }, (_, i) => `bbc-article-${String(i).padStart(5, '0')}`);
    for (const id of ids) run.addDocument(doc(id, { organisations: [{ entity_id: 'org-bbc', name: 'BBC', aliases: '', mentions: 1 }], quotes: [{ kind: 'direct', speaker: 'BBC', speaker_entity_id: 'org-bbc', text: 'yes' }] }));
    const [entity] = run.entityRows();
    expect(entity.articles).toBe(3000);
    const cell = String(entity.doc_ids);
    expect(cell.length).toBeLessThanOrEqual(32_767);
    const shown = cell.split('|');
    const more = shown.pop()!;
    expect(shown).toEqual(ids.slice(0, shown.length));
    expect(more).toBe(`…(${3000 - shown.length} more)`);
    const [speaker] = run.speakerRows();
    expect(speaker).toMatchObject({ speaker: 'BBC', quotes: 3000, articles: 3000 });
    expect(String(speaker.doc_ids).length).toBeLessThanOrEqual(32_767);
  });

  it('links a quote to the entity of its own document only', () => {
    const run = new RunAggregates();
    run.addDocument(doc('a', { people: [{ entity_id: 'person-1', name: 'Ann Lee', aliases: '', mentions: 1 }] }));
    run.addDocument(doc('b', { people: [{ entity_id: 'person-2', name: 'Bob Ray', aliases: '', mentions: 1 }], quotes: [{ kind: 'direct', speaker: 'Ann Lee', speaker_entity_id: 'person-1', text: 'hello' }] }));
    const [speaker] = run.speakerRows();
    expect(speaker).toMatchObject({ speaker: 'Ann Lee', entity_key: '', doc_ids: 'b' });
  });
});
