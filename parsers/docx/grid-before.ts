// mammoth ignores w:gridBefore (ECMA-376 §17.4.14: grid columns skipped before a row's first cell), so
// the cells of such a row shift left and its w:vMerge continuations attach to the wrong column.
// Rows written that way (WPS and Excel-pasted tables) get a placeholder cell spanning the skipped
// columns, and mammoth reads a repacked copy of the package. (w:gridAfter needs nothing: a short row's
// missing trailing slots are filled by the grid builder.)
import yauzl from 'yauzl';
import { crc32 } from 'node:zlib';
import { inflate, listEntries } from './package.js';

const TR_PR = /<w:trPr>([\s\S]*?)<\/w:trPr>/g;
const GRID_BEFORE = /<w:gridBefore\s+w:val="(\d+)"/;

/** document.xml with a placeholder cell for every w:gridBefore, or undefined when it has none. */
export function expandGridBefore(documentXml: string): string | undefined {
  if (!GRID_BEFORE.test(documentXml)) return undefined;
  return documentXml.replace(TR_PR, (whole: string, inner: string) => {
    const skipped = Number(GRID_BEFORE.exec(inner)?.[1] ?? 0);
    if (skipped < 1) return whole;
    return `${whole}<w:tc><w:tcPr><w:gridSpan w:val="${skipped}"/></w:tcPr><w:p/></w:tc>`;
  });
}

async function readAll(buffer: Buffer): Promise<{ name: string; data: Buffer }[]> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true });
  try {
    const out: { name: string; data: Buffer }[] = [];
    for (const entry of await listEntries(zip)) {
      if (!entry.fileName.endsWith('/')) out.push({ name: entry.fileName, data: await inflate(zip, entry) });
    }
    return out;
  } finally {
    zip.close();
  }
}

/** A zip of stored (uncompressed) entries: PKWARE APPNOTE 6.3 §4.3, no compression to spend time on. */
function storeZip(entries: { name: string; data: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, data);
    central.push(header, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** The package with word/document.xml replaced (the package was checked by openDocxPackage first). */
export async function repackDocument(bytes: Uint8Array, documentXml: string): Promise<Buffer> {
  const entries = await readAll(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return storeZip(entries.map((e) => (e.name === 'word/document.xml' ? { name: e.name, data: Buffer.from(documentXml, 'utf8') } : e)));
}
