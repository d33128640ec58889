// pdfjs loading: the speed measures of pdfjs.ts stay in place (a pdfjs upgrade that moves the internals
// they rely on would lose speed silently, not output).
import { readFileSync } from 'node:fs';
import { deflateRawSync, deflateSync, inflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePdf } from './index.js';
import { OPS } from './page-content.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { fontLoadingSkipped, loadPdfjs, openPdf, workerListenerCount } from './pdfjs.js';
import { DISPLAY_EDITS, displayEdits, editSource, FLAT_EVAL_STATE, NATIVE_INFLATE, type SourceEdit, SPARSE_CMAP_WALK, TEXT_ONLY_FONTS, WORKER_EDITS, workerEdits } from './pdfjs-edits.js';

const corpus = (path: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../shared/corpus/${path}`, import.meta.url))));
const seed = () => corpus('fixtures/seed-2023.pdf');

/** Every font the pages of a PDF use, as pdfjs's worker exported it: font id → whether its program was left out. */
async function fontsOf(bytes: Uint8Array): Promise<Map<string, { missingFile: boolean; vertical: boolean }>> {
  const doc = await openPdf(bytes);
  const fonts = new Map<string, { missingFile: boolean; vertical: boolean }>();
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const ops = await page.getOperatorList();
      ops.fnArray.forEach((fn, i) => {
        if (fn !== OPS.setFont) return;
        const id = (ops.argsArray[i] as [string])[0];
        const font = page.commonObjs.get(id) as { missingFile: boolean; vertical: boolean };
        fonts.set(id, { missingFile: font.missingFile, vertical: font.vertical });
      });
    }
  } finally {
    await doc.destroy();
  }
  return fonts;
}

describe('pdfjs loading', () => {
  it('puts back the native Array push and JSON functions that the legacy build polyfills', async () => {
    await loadPdfjs();
    for (const fn of [Array.prototype.push, JSON.parse, JSON.stringify]) expect(Function.prototype.toString.call(fn)).toContain('[native code]');
  });

  it('opens documents with a font loader that installs no fonts (nothing is rendered)', async () => {
    const doc = await openPdf(seed());
    try {
      expect(fontLoadingSkipped(doc)).toBe(true);
      const page = await doc.getPage(1);
      const ops = await page.getOperatorList();
      expect(ops.fnArray.length).toBeGreaterThan(0);
    } finally {
      await doc.destroy();
    }
  });

  it('serves documents one after another and side by side through one worker that keeps nothing of closed ones', async () => {
    const one = await parsePdf(seed(), { limits: DEFAULT_LIMITS });
    const both = await Promise.all([parsePdf(seed(), { limits: DEFAULT_LIMITS }), parsePdf(seed(), { limits: DEFAULT_LIMITS })]);
    expect(both.map((r) => r.value)).toEqual([one.value, one.value]);
    expect(workerListenerCount()).toBe(2);
  });

  it('skips the embedded TrueType programs that text does not need', async () => {
    await loadPdfjs();
    expect(workerEdits).toContain('text-only-fonts');
    // WPS export: eight CID TrueType subsets with ToUnicode maps, one of them written vertically (Identity-V).
    const wps = [...(await fontsOf(corpus('real/huaian-hongze-2023.pdf'))).values()];
    expect(wps.length).toBeGreaterThan(1);
    expect(wps.some((f) => f.vertical)).toBe(true);
    for (const font of wps) expect(font.missingFile).toBe(true);
    // Non-embedded fonts are unaffected: no program either way.
    const cmap = [...(await fontsOf(corpus('fixtures/cmap-test-stsong-unigb.pdf'))).values()];
    expect(cmap.every((f) => f.missingFile)).toBe(true);
  });
});

describe('images', () => {
  it('are left out of the operator list (not decoded) unless asked for', async () => {
    const scan = new Uint8Array(readFileSync(fileURLToPath(new URL('../../test/fixtures/pdf/scanned-page.pdf', import.meta.url))));
    const paintedImages = async (images: boolean) => {
      const doc = await openPdf(scan, { images });
      try {
        const ops = await (await doc.getPage(1)).getOperatorList();
        return ops.fnArray.filter((fn) => fn === OPS.paintImageXObject).length;
      } finally {
        await doc.destroy();
      }
    };
    expect(await paintedImages(false)).toBe(0);
    expect(await paintedImages(true)).toBe(1);
  });
});

describe('the worker-module edits', () => {
  it('are all in the loaded modules, and pdfjs never builds a DecompressionStream', async () => {
    await loadPdfjs();
    expect(workerEdits).toEqual(WORKER_EDITS.map((e) => e.name));
    expect(displayEdits).toEqual(DISPLAY_EDITS.map((e) => e.name));
    const Native = globalThis.DecompressionStream;
    let made = 0;
    globalThis.DecompressionStream = class extends Native {
      constructor(format: CompressionFormat) {
        super(format);
        made++;
      }
    };
    try {
      const parsed = await parsePdf(corpus('real/huaian-hongze-2024.pdf'), { limits: DEFAULT_LIMITS });
      expect(parsed.value.blocks.length).toBeGreaterThan(10);
    } finally {
      globalThis.DecompressionStream = Native;
    }
    expect(made).toBe(0);
  });

  it('keep the line count, put the prefix on the first line, and refuse anchors that are missing or repeated', () => {
    const source = `/* licence */\n${TEXT_ONLY_FONTS.replacements[0]!.find}\n`;
    const edited = editSource(source, [TEXT_ONLY_FONTS, NATIVE_INFLATE]);
    expect(edited.edits).toEqual(['text-only-fonts']); // the inflate anchors are not in this source
    expect(edited.source).toBe(`/* licence */\n${TEXT_ONLY_FONTS.replacements[0]!.replace}\n`);
    const withPrefix: SourceEdit = { name: 'native-inflate', prefix: 'const x = 1; ', replacements: [{ find: 'a();', replace: 'b();' }] };
    expect(editSource('/* l */\na();\n', [withPrefix])).toEqual({ source: 'const x = 1; /* l */\nb();\n', edits: ['native-inflate'] });
    expect(editSource('a();\n', [withPrefix])).toEqual({ source: 'a();\n', edits: [] }); // no comment line to share
    expect(editSource('/* l */\na();a();', [withPrefix]).edits).toEqual([]);
    for (const edit of WORKER_EDITS) {
      for (const r of edit.replacements) expect(r.replace.split('\n')).toHaveLength(r.find.split('\n').length);
      expect(edit.prefix ?? '').not.toContain('\n');
    }
  });

  it('walk a CMap sparse map visiting the same codes in the same order as pdfjs', () => {
    // The replaced loop head, run as a function against the original one.
    const walker = (fragment: string) =>
      new Function('map', 'callback', `const length = map.length;\n${fragment}\n        }\n      }\n    }`) as (map: unknown[], cb: (i: number, v: unknown) => void) => void;
    const [{ find, replace }] = SPARSE_CMAP_WALK.replacements as [{ find: string; replace: string }];
    const visits = (walk: ReturnType<typeof walker>, map: unknown[]) => {
      const seen: [number, unknown][] = [];
      walk(map, (i, v) => seen.push([i, v]));
      return seen;
    };
    const sparse: unknown[] = [];
    for (const code of [30000, 7, 65535, 12, 999]) sparse[code] = `u${code}`;
    sparse[500] = undefined;
    const dense = ['a', 'b', undefined, 'd'];
    for (const map of [sparse, dense, []]) {
      expect(visits(walker(replace), map)).toEqual(visits(walker(find), map));
    }
    expect(visits(walker(replace), sparse).map(([i]) => i)).toEqual([7, 12, 999, 30000, 65535]);
  });

  it('walk a ToUnicodeMap over the same entries, in order, with the codes as numbers', () => {
    const walk = SPARSE_CMAP_WALK.replacements[1]!;
    const mapClass = (fragment: string) =>
      new Function(`return class ToUnicodeMap { constructor(map) { this._map = map; }\n${fragment}\n}`)() as new (map: string[]) => { forEach(cb: (code: number | string, unicode: number) => void): void };
    const map: string[] = [];
    for (const code of [30000, 7, 12]) map[code] = String.fromCodePoint(0x4e00 + code);
    map[40] = '😀';
    const visits = (fragment: string) => {
      const seen: [number, number][] = [];
      new (mapClass(fragment))(map).forEach((code, unicode) => seen.push([Number(code), unicode]));
      return seen;
    };
    expect(visits(walk.replace)).toEqual(visits(walk.find));
    expect(visits(walk.replace).map(([code]) => code)).toEqual([7, 12, 40, 30000]);
  });
  it('copy a graphics state that reads like the prototype-linked one pdfjs makes', () => {
    const [{ find, replace }] = FLAT_EVAL_STATE.replacements as [{ find: string; replace: string }];
    // EvalState's clone, with the original and the edited line.
    const stateClass = (fragment: string) =>
      new Function(`return class State { font = null; mode = 0; path = []; get fill() { return this._fill; } set fill(v) { this._fill = v; }\n  clone({\n    newPath = false\n${fragment}\n    if (newPath) { clone.path = []; }\n    return clone;\n  }\n}`)() as new () => { font: unknown; mode: number; path: number[]; fill: unknown; clone(o?: { newPath?: boolean }): any };
    for (const State of [stateClass(find), stateClass(replace)]) {
      const saved = new State();
      saved.fill = 'rgb';
      saved.path.push(1);
      const copy = saved.clone();
      expect(copy).toBeInstanceOf(State);
      expect([copy.fill, copy.mode, copy.path]).toEqual(['rgb', 0, [1]]);
      copy.mode = 2;
      copy.fill = 'cmyk';
      copy.path.push(2); // the path buffer is shared, as pdfjs expects
      expect([saved.mode, saved.fill, saved.path]).toEqual([0, 'rgb', [1, 2]]);
      expect(saved.clone({ newPath: true }).path).toEqual([]);
    }
  });
});

describe('shared built-in CMaps', () => {
  it('give the same text to every document that names them, first or later', async () => {
    // STSong-Light, not embedded: UniGB-UCS2-H and Adobe-GB1-UCS2 from pdfjs's CMap files.
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const parsed = await parsePdf(corpus('fixtures/cmap-test-stsong-unigb.pdf'), { limits: DEFAULT_LIMITS });
      texts.push(parsed.value.blocks.map((b) => ('text' in b ? b.text : '')).join('\n'));
    }
    expect(texts[0]).toContain('一、总体情况（UCS2）');
    expect(new Set(texts).size).toBe(1);
  });
});

describe('native inflate', () => {
  const text = async (pdf: Uint8Array) => (await parsePdf(pdf, { limits: DEFAULT_LIMITS })).value.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');

  it('answers isEmpty from the first bytes of the stream, and leaves the source where it was', () => {
    const injected = new Function('process', `${NATIVE_INFLATE.prefix!}; return { gongkaiInflate, gongkaiIsEmpty };`)(process) as {
      gongkaiInflate: (flate: object) => boolean;
      gongkaiIsEmpty: (flate: object) => boolean | undefined;
    };
    const flate = (bytes: Uint8Array) => {
      const source = { pos: 0, getBytes() { const rest = bytes.subarray(this.pos); this.pos = bytes.length; return rest; } };
      return { stream: source, bufferLength: 0, eof: false, buffer: new Uint8Array(0) } as { stream: typeof source; bufferLength: number; eof: boolean; buffer: Uint8Array };
    };
    const program = flate(deflateRawSync(Buffer.alloc(200_000, 1)));
    expect(injected.gongkaiIsEmpty(program)).toBe(false);
    expect(program.stream.pos).toBe(0);
    expect(injected.gongkaiIsEmpty(flate(deflateRawSync(Buffer.alloc(0))))).toBe(true);
    expect(injected.gongkaiIsEmpty(flate(deflateRawSync(Buffer.alloc(50_000_000, 0))))).toBe(false); // > 1 MB from 4 KB
    const garbage = flate(new Uint8Array([0xff, 0xff, 0xff, 1, 2, 3]));
    expect(injected.gongkaiIsEmpty(garbage)).toBeUndefined(); // pdfjs's own check decides
    expect(injected.gongkaiInflate(garbage)).toBe(false); // and pdfjs's decoder reads it
    expect(garbage.stream.pos).toBe(0);
    expect(injected.gongkaiInflate(program)).toBe(true);
    expect([program.bufferLength, program.eof, program.buffer[199_999]]).toEqual([200_000, true, 1]);
  });

  it('reads a FlateDecode content stream', async () => {
    expect(await text(onePagePdf(deflateSync(Buffer.from(contentStream(['Hello native inflate'])))))).toBe('Hello native inflate');
  });

  it('keeps what a truncated stream holds', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `Line number ${i} of a cut stream`);
    const zipped = deflateSync(Buffer.from(contentStream(lines)), { level: 0 });
    const read = await text(onePagePdf(zipped.subarray(0, Math.floor(zipped.length / 2))));
    expect(read).toContain('Line number 0 of a cut stream');
    expect(read).not.toContain('Line number 39');
  });

  it('leaves data zlib rejects to pdfjs, whose decoder reads it', async () => {
    // A back-reference before the start of the data: zlib refuses it ("invalid distance too far back");
    // pdfjs's decoder copies zero bytes (three NULs) and reads on.
    const zipped = fixedHuffmanWithFarBackReference(contentStream(['AB']).replace('(AB)', '(AB'), ')Tj ET\n');
    expect(() => inflateSync(zipped)).toThrow(/distance/);
    expect(await text(onePagePdf(zipped))).toMatch(/^AB/);
  });
});

/** A content stream showing `lines` in Helvetica, one under the other. */
function contentStream(lines: string[]): string {
  return lines.map((line, i) => `BT /F1 12 Tf 72 ${760 - i * 16} Td (${line}) Tj ET\n`).join('');
}

/** A one-page PDF (Helvetica) whose content stream is `flate` (FlateDecode), with a correct xref table. */
function onePagePdf(flate: Uint8Array): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  const add = (b: Buffer) => parts.push(b);
  const length = () => parts.reduce((n, b) => n + b.length, 0);
  objects.forEach((body, i) => {
    offsets.push(length());
    add(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`));
  });
  offsets.push(length());
  add(Buffer.from(`5 0 obj\n<< /Length ${flate.length} /Filter /FlateDecode >>\nstream\n`));
  add(Buffer.from(flate));
  add(Buffer.from('\nendstream\nendobj\n'));
  const xref = length();
  add(Buffer.from(`xref\n0 6\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`));
  add(Buffer.from(`trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * A zlib stream of one fixed-Huffman block (RFC 1951 3.2.6): the literals of `before`, a copy of 3 bytes
 * from 100 bytes back (before the start when `before` is shorter), the literals of `after`.
 */
function fixedHuffmanWithFarBackReference(before: string, after: string): Uint8Array {
  const bytes: number[] = [0x78, 0x01]; // zlib header: deflate, no dictionary
  let acc = 0, n = 0;
  const bits = (value: number, count: number) => { // LSB first
    for (let i = 0; i < count; i++) {
      acc |= ((value >> i) & 1) << n++;
      if (n === 8) { bytes.push(acc); acc = 0; n = 0; }
    }
  };
  const code = (value: number, count: number) => { // Huffman codes: MSB first
    for (let i = count - 1; i >= 0; i--) bits((value >> i) & 1, 1);
  };
  const literal = (c: number) => (c < 144 ? code(0x30 + c, 8) : code(0x190 + c - 144, 9));
  bits(1, 1); // BFINAL
  bits(1, 2); // BTYPE 01: fixed codes
  for (const c of Buffer.from(before)) literal(c);
  code(257 - 256, 7); // length 3
  code(13, 5); // distance code 13: 97–128
  bits(100 - 97, 5);
  for (const c of Buffer.from(after)) literal(c);
  code(0, 7); // end of block
  if (n > 0) bytes.push(acc);
  bytes.push(0, 0, 0, 0); // Adler-32, not checked by pdfjs
  return new Uint8Array(bytes);
}
