// Unique copies of real documents for the benchmark: the same bytes would be converted once (twins), so each
// copy gets a different harmless tail — a comment line after %%EOF (PDF), an HTML comment, a text line, or a
// ZIP archive comment (DOCX; bytes after the end record would make an invalid zip).
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

export function uniqueCopy(source: Uint8Array, kind: 'pdf' | 'html' | 'txt' | 'docx', n: number): Uint8Array {
  const tag = `gongkai-bench copy ${n}`;
  switch (kind) {
    case 'pdf':
      return concat(source, Buffer.from(`\n%${tag}\n`));
    case 'html':
      return concat(source, Buffer.from(`\n<!-- ${tag} -->\n`));
    case 'txt':
      return concat(source, Buffer.from(`\n${tag}\n`));
    case 'docx':
      return withZipComment(source, tag);
  }
}

/** Write `count` unique copies of `sources` (round robin) into dir; returns the paths and each copy's source. */
export function writeCopies(dir: string, sources: string[], kind: 'pdf' | 'html' | 'txt' | 'docx', count: number, prefix: string = kind): { path: string; source: string }[] {
  const bytes = sources.map((s) => readFileSync(s));
  const written: { path: string; source: string }[] = [];
  for (let i = 0; i < count; i++) {
    const k = i % sources.length;
    const name = `${prefix}-${String(i).padStart(5, '0')}-${basename(sources[k]!, extname(sources[k]!))}${extname(sources[k]!)}`;
    const path = join(dir, name);
    writeFileSync(path, uniqueCopy(bytes[k]!, kind, i));
    written.push({ path, source: sources[k]! });
  }
  return written;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  return Buffer.concat([a, b]);
}

/** Set the ZIP comment (end of central directory record, APPNOTE 4.3.16): the archive stays valid. */
function withZipComment(zip: Uint8Array, comment: string): Uint8Array {
  const buf = Buffer.from(zip);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buf.length) throw new Error('not a zip archive: no end of central directory record');
  const text = Buffer.from(comment);
  const head = Buffer.from(buf.subarray(0, eocd + 22));
  head.writeUInt16LE(text.length, eocd + 20);
  return Buffer.concat([head, text]);
}
