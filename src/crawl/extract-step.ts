// Extraction of one fetched document through the same pipeline as `gongkai extract`, and the decision
// whether what came out is a report worth a file. Each document is handled on its own: whatever goes wrong
// is recorded for that URL and the crawl goes on.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../schema/report.js';
import type { Converter } from './converter.js';
import { writeJsonAtomic } from '../writers/json.js';
import type { LogStatus } from './crawl-log.js';
import { looksLikeList, type PageLinks } from './discover.js';
import { reportFileName } from './report-name.js';
import type { UrlVersion } from './state.js';

export interface ExtractInput {
  bytes: Uint8Array;
  /** State key: names the report file. */
  url: string;
  /** Where the bytes finally came from (after redirects): recorded in source.url. */
  finalUrl: string;
  /** The links of an HTML page (report page or not), to tell an article from a list or an attachment wrapper. */
  page?: PageLinks;
  /** The link text that led here ("平潭综合实验区2021年度政府信息公开工作年度报告"). */
  linkTitle: string;
  include: RegExp;
  outDir: string;
  convert: Converter;
  /** The report file of the URL's last version that had one (relative to DIR/reports). */
  previousReport?: string;
}

export interface ExtractResult {
  status: LogStatus;
  reason: string;
  /** Set on the version in state.json. */
  outcome: UrlVersion['outcome'];
  report: string | null;
  /** A new report file was written (false when the version reuses its predecessor's). */
  written: boolean;
}

/** Convert, decide, and write the report file (DIR/reports/<name>) when the document is a report. */
export async function extractDocument(input: ExtractInput, sha256: string): Promise<ExtractResult> {
  let converted;
  try {
    converted = await input.convert(input.bytes, input.finalUrl);
  } catch (err) {
    // A bug in gongkai (or a stage not written yet): record it, keep going, retry on the next run.
    return { status: 'error', reason: `extract.crashed: ${(err as Error).message}`, outcome: 'error', report: null, written: false };
  }
  const { report } = converted;
  if (converted.status === 'failed') {
    const code = report.error?.code ?? 'unknown';
    const message = `${code}: ${report.error?.message ?? ''}`;
    // Archived, but gongkai cannot read it yet (doc, wps, xls, zip): skipped, not an error of the site.
    if (code === 'input.unsupported-format') return { status: 'skipped', reason: message, outcome: 'unsupported', report: null, written: false };
    if (input.page) {
      // A wrapper page with next to no text of its own may fail to convert; its attachments are the report.
      if (input.page.attachments.length > 0) return { status: 'ok', reason: `not a report: the page itself failed (${message}); its attachments are fetched on their own`, outcome: 'not-report', report: null, written: false };
      return { status: 'error', reason: message, outcome: 'failed', report: null, written: false };
    }
    // A document that should have been a report: its failed report file says why (SCHEMA.md "failed").
    const path = await write(input, sha256, report);
    return { status: 'error', reason: message, outcome: 'failed', report: path, written: true };
  }
  const notReport = whyNotAReport(input, report.report.template, report.report.title);
  if (notReport) return { status: 'ok', reason: `not a report: ${notReport}`, outcome: 'not-report', report: null, written: false };
  if (input.previousReport && (await sameReport(join(input.outDir, 'reports', input.previousReport), report))) {
    // The bytes changed (a date, a counter, a token in the page) but not what was extracted: no new file.
    return { status: 'ok', reason: `report unchanged: the page changed outside the report (${input.previousReport})`, outcome: 'report', report: input.previousReport, written: false };
  }
  const path = await write(input, sha256, report);
  const partial = converted.status === 'partial' ? ' (partial: see its warnings)' : '';
  return { status: 'ok', reason: `report written${partial}`, outcome: 'report', report: path, written: true };
}

/**
 * Why a converted document is not written as a report, or undefined when it is one. A template table makes
 * a report. Without one (template "none"), a free-form report (pingtan-2017.html) still counts when its
 * title is an annual-report title — but not a list page (it links several reports or paginates), nor an
 * article that only wraps an attachment (the attachment is the report and gets its own file).
 */
export function whyNotAReport(input: Pick<ExtractInput, 'page' | 'linkTitle' | 'include'>, template: string, title: string | null): string | undefined {
  const { page } = input;
  if (template !== 'none') return undefined;
  if (page && looksLikeList(page)) return 'a list page (paginates or links several reports)';
  if (page && page.attachments.length > 0) return 'no template tables, and the page links its attachment, which is the report';
  // A page is judged by its own title (every candidate's link text matched already); a PDF or DOCX has no
  // <title>, so the link that led to it stands in.
  const titles = (page ? [title, page.title] : [title, input.linkTitle]).filter((t): t is string => Boolean(t));
  const reportTitle = titles.find((t) => input.include.test(t));
  if (!reportTitle) return 'no template tables and no annual-report title';
  if (ABOUT_REPORTS.test(reportTitle)) return `no template tables, and "${reportTitle}" is about annual reports, not one`;
  return undefined;
}

/**
 * Titles that mention annual reports without being one: "关于做好2023年度政府信息公开工作年度报告编制和发布工作的
 * 通知", "…年度报告解读". Applied only to documents without template tables; a table makes a report anyway.
 */
const ABOUT_REPORTS = /通知|通告|编制|报送|填报|模板|格式|解读|图解|问答/u;

/** Is the report at `path` the same as `report`, but for the bytes it was read from? */
async function sameReport(path: string, report: Report): Promise<boolean> {
  let previous: Report;
  try {
    previous = JSON.parse(await readFile(path, 'utf8')) as Report;
  } catch {
    return false; // gone or unreadable: write the new one
  }
  const comparable = (r: Report) => JSON.stringify({ ...r, source: { ...r.source, sha256: null, bytes: null } });
  return comparable(previous) === comparable(report);
}

async function write(input: ExtractInput, sha256: string, report: unknown): Promise<string> {
  const name = reportFileName(input.url, sha256);
  await writeJsonAtomic(join(input.outDir, 'reports', name), report);
  return name;
}
