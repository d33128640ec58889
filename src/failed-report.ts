// The report of a document that could not be converted. A module of its own: the batch's main thread writes
// such reports without loading the schema (zod), the recognisers and the parsers, which only workers need.
import type { GongkaiError } from './messages.js';
import type { Report } from './schema/report.js';
import { GENERATOR_VERSION, SCHEMA_VERSION } from './schema/version.js';

export function failedReport(source: Report['source'], err: GongkaiError): Report {
  return {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'gongkai', version: GENERATOR_VERSION },
    status: 'failed',
    error: { code: err.code, message: err.message },
    source,
    report: { title: null, agency: null, year: null, template: 'none' },
    sections: [],
    tables: [],
    data: { proactive: null, requests: null, appeals: null },
    checks: [],
    warnings: [],
    provenance: {},
  };
}
