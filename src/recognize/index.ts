// IR → the recognized parts of a report: metadata, sections, tables, template data, provenance.
import { errorMessage, type Message, type Result } from '../messages.js';
import type { DocumentModel, Table } from '../model/document.js';
import { spans, textRows } from '../model/table.js';
import type { Report, TableOut } from '../schema/report.js';
import { SECTION_TITLES } from '../template/labels.js';
import { recognizeAppeals } from './appeals.js';
import { recognizeMeta } from './meta.js';
import { recognizeProactive } from './proactive.js';
import { recognizeRequests } from './requests.js';
import { recognizeSections } from './sections.js';
import { classifyTable, type TableKind } from './tables.js';
import { matchLabel, normalizeLabel } from './text.js';
import { viewOf, type TableView, type ValueSink } from './values.js';

export type Recognized = Pick<Report, 'report' | 'sections' | 'tables' | 'data' | 'provenance'>;

/** Section number whose table each data part is (二, 三, 四). */
const PART_SECTION = { proactive: 2, requests: 3, appeals: 4 } as const;

export function recognizeReport(doc: DocumentModel): Result<Recognized> {
  const sink: ValueSink = { provenance: {}, messages: [] };
  const { sections, sectionOfBlock } = recognizeSections(doc.blocks);
  const tables: TableOut[] = [];
  const byKind: Record<TableKind, TableView[]> = { proactive: [], requests: [], appeals: [], other: [] };
  let previous: TableKind | undefined;
  doc.blocks.forEach((block, i) => {
    if (block.type !== 'table') {
      if (block.text.trim()) previous = undefined; // body text ends a table's run of continuations
      return;
    }
    const kind = classifyTable(block, previous);
    previous = kind;
    byKind[kind].push(viewOf(block, tables.length));
    tables.push(tableOut(block, sectionOfBlock[i] ?? null));
  });
  const data: Report['data'] = {
    proactive: recognizeProactive(byKind.proactive, sink),
    requests: recognizeRequests(byKind.requests, sink),
    appeals: recognizeAppeals(byKind.appeals, sink),
  };
  const meta = recognizeMeta(doc);
  const messages: Message[] = [...sink.messages, ...missingParts(data, sections, meta.year)];
  return {
    value: {
      report: { ...meta, template: templateOf(data, meta.year) },
      sections,
      tables,
      data,
      provenance: sink.provenance,
    },
    messages,
  };
}

function tableOut(table: Table, section: number | null): TableOut {
  const page = table.prov.page ?? table.cells.find((c) => c.prov?.page !== undefined)?.prov?.page ?? null;
  return { page, section, rows: textRows(table), spans: spans(table) };
}

/**
 * A template section whose table was not found makes the report partial (SCHEMA.md "Status") — when the
 * report follows the template: it has another template table, or it reports on 2020 or later. Before
 * that the format was only encouraged (国办公开办函〔2019〕60号), and free-form reports such as
 * pingtan-2017 use the same section titles without tables.
 */
function missingParts(data: Report['data'], sections: Report['sections'], year: number | null): Message[] {
  const out: Message[] = [];
  const followsTemplate = Boolean(data.proactive || data.requests || data.appeals) || (year !== null && year >= 2020);
  if (!followsTemplate) return out;
  for (const part of ['proactive', 'requests', 'appeals'] as const) {
    if (data[part]) continue;
    const no = PART_SECTION[part];
    const section = sections.find((s) => s.no === no && matchLabel(normalizeLabel(s.title), [SECTION_TITLES[no - 1]!], 0.7));
    if (section) {
      out.push(errorMessage('template.table-missing', `Section ${section.title} is present but its table was not found (an image, or a layout not recognized)`, { path: `data.${part}` }));
    }
  }
  return out;
}

function templateOf(data: Report['data'], year: number | null): Report['report']['template'] {
  const found = [data.proactive?.template, data.requests?.template].filter((t) => t !== undefined);
  if (found.length === 0) {
    if (!data.appeals) return 'none';
    return year !== null && year < 2021 ? '2019' : '2021'; // table 四 is the same in both templates
  }
  return found.every((t) => t === found[0]) ? found[0]! : 'mixed';
}
