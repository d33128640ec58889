// Sections 一…六 and their （一）… subsections, located by text: government DOCX, HTML and PDF rarely
// mark headings, and table cells such as "四、结转下年度继续办理" never reach here (tables are blocks).
import type { Block } from '../model/document.js';
import type { Section } from '../schema/report.js';
import { SECTION_NUMBER, SECTION_TITLES, SUBSECTION_NUMBER } from '../template/labels.js';
import { chineseOrdinal, cleanText, matchLabel, normalizeLabel } from './text.js';

/** Longest heading accepted without a known template title; longer lines are body text. */
const MAX_HEADING_CHARS = 30;

export interface HeadingSplit {
  no: number;
  title: string;
  /** Body text that shares the line with the heading ("（一）主动公开情况。2023年，…"). */
  rest: string;
}

/** Split "一、总体情况" or "（二）依申请公开。本年…" into number, title and the text after it. */
function splitHeading(text: string, numberPattern: RegExp, knownTitles: readonly string[]): HeadingSplit | undefined {
  const m = numberPattern.exec(text);
  if (!m) return undefined;
  const no = chineseOrdinal(m[1]!);
  if (no === undefined) return undefined;
  const body = text.slice(m[0].length).trim();
  // A known title may be followed by body text on the same line (PDF reflow, run-in headings).
  for (const title of knownTitles) {
    if (normalizeLabel(body.slice(0, title.length + 2)).startsWith(normalizeLabel(title))) {
      const cut = body.indexOf(title.slice(-2)) + 2;
      return { no, title: body.slice(0, cut).trim(), rest: body.slice(cut).replace(/^[。．.：:；;\s]+/, '').trim() };
    }
  }
  if (body.length <= MAX_HEADING_CHARS && !/[。；;]./.test(body)) return { no, title: body.replace(/[。：:]$/, ''), rest: '' };
  // A run-in title ends at the first full stop or colon.
  const stop = body.search(/[。：:]/);
  if (stop > 0 && stop <= MAX_HEADING_CHARS) return { no, title: body.slice(0, stop), rest: body.slice(stop + 1).trim() };
  return undefined;
}

export function sectionHeading(text: string): HeadingSplit | undefined {
  const split = splitHeading(cleanText(text), SECTION_NUMBER, SECTION_TITLES);
  if (!split) return undefined;
  // Free-form reports have their own titles; a template title is only required of long lines.
  const known = SECTION_TITLES.some((t) => matchLabel(normalizeLabel(split.title), [t], 0.7));
  return known || split.title.length <= 20 ? split : undefined;
}

export function subsectionHeading(text: string): HeadingSplit | undefined {
  return splitHeading(cleanText(text), SUBSECTION_NUMBER, []);
}

const join = (parts: string[]) => parts.filter((p) => p !== '').join('\n');

/**
 * Group the text blocks into sections. Numbers must rise (一 then 二 …, skipping at most two) so that a numbered list inside a
 * section is not taken for the next section. Text before the first heading (title, preamble) becomes
 * section 0 titled "".
 */
export function recognizeSections(blocks: Block[]): { sections: Section[]; sectionOfBlock: (number | null)[] } {
  const sections: Section[] = [];
  const sectionOfBlock: (number | null)[] = [];
  let current: { section: Section; parts: string[]; sub?: { no: number; title: string; parts: string[] } } | undefined;
  const preamble: string[] = [];
  const closeSub = () => {
    if (current?.sub) current.section.subsections.push({ no: current.sub.no, title: current.sub.title, text: join(current.sub.parts) });
    if (current) delete current.sub;
  };
  const close = () => {
    if (!current) return;
    closeSub();
    current.section.text = join(current.parts);
    sections.push(current.section);
  };
  for (const block of blocks) {
    if (block.type === 'table') {
      sectionOfBlock.push(current ? current.section.no : null);
      continue;
    }
    const text = cleanText(block.text);
    const head = sectionHeading(text);
    const lastNo = current?.section.no ?? 0;
    if (head && head.no > lastNo && head.no <= lastNo + 3) {
      close();
      current = { section: { no: head.no, title: head.title, text: '', subsections: [] }, parts: head.rest ? [head.rest] : [] };
      sectionOfBlock.push(head.no);
      continue;
    }
    sectionOfBlock.push(current ? current.section.no : null);
    if (!current) {
      if (text) preamble.push(text);
      continue;
    }
    const sub = subsectionHeading(text);
    const lastSub = current.sub?.no ?? current.section.subsections.at(-1)?.no ?? 0;
    if (sub && sub.no === lastSub + 1) {
      closeSub();
      current.sub = { no: sub.no, title: sub.title, parts: sub.rest ? [sub.rest] : [] };
    } else if (text) {
      (current.sub ? current.sub.parts : current.parts).push(text);
    }
  }
  close();
  if (preamble.length) sections.unshift({ no: 0, title: '', text: join(preamble), subsections: [] });
  return { sections, sectionOfBlock };
}
