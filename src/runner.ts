// Runs documents through the stages. A stage that throws fails that one
// document (with the stage and the reason); the batch goes on.

import { DEFAULT_OPTIONS, newDoc, type Doc, type DocInput, type PipelineOptions, type Stage, type StageFn } from './model.ts';
import { exportJson, exportRows, type DocRows } from '../pipeline/05-export/index.ts';
import type { Extraction } from '../pipeline/05-export/extraction.ts';

export interface ProcessedDoc {
  docId: string;
  status: 'ok' | 'failed';
  error: string;
  rows: DocRows;
  json: Extraction;
}

export function createProcessor(stages: Stage[], options: PipelineOptions = DEFAULT_OPTIONS): (input: DocInput) => ProcessedDoc {
  const steps: Array<{ name: string; run: StageFn }> = stages.map((s) => ({ name: s.name, run: s.create(options) }));
  return (input) => {
    const doc: Doc = newDoc(input);
    if (doc.status === 'ok') {
      for (const step of steps) {
        try {
          step.run(doc);
        } catch (err) {
          fail(doc, step.name, err);
          break;
        }
      }
    }
    const json = exportJson(doc);
    return { docId: doc.docId, status: doc.status, error: doc.error, rows: exportRows(json), json };
  };
}

function fail(doc: Doc, stage: string, err: unknown): void {
  const reason = err instanceof Error ? err.message : String(err);
  doc.status = 'failed';
  doc.error = `${stage}: ${reason}`;
  doc.messages.push({ severity: 'fatal', stage, reason });
  // Nothing half-extracted leaves a failed document.
  Object.assign(doc, { mentions: [], entities: [], values: [], quotes: [], claims: [], relations: [] });
}
