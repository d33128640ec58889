// IR → the recognized parts of a report: metadata, sections, tables, template data, provenance.
import type { Result } from '../messages.js';
import type { DocumentModel } from '../model/document.js';
import type { Report } from '../schema/report.js';

export type Recognized = Pick<Report, 'report' | 'sections' | 'tables' | 'data' | 'provenance'>;

export function recognizeReport(doc: DocumentModel): Result<Recognized> {
  void doc;
  throw new Error('recognizeReport: not written yet');
}
