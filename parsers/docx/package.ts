// Check a DOCX package (a zip) before mammoth opens it: mammoth's JSZip inflates whatever the zip
// holds, trusting its headers, so sizes, ratios and the presence of word/document.xml are checked here
// with yauzl, which also verifies that each entry inflates to exactly its declared size.
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { Limits } from '../../src/limits.js';
import { formatBytes, limitError } from '../../src/limits.js';
import { GongkaiError } from '../../src/messages.js';

/**
 * Deflate cannot compress better than ~1032:1; XML parts of real DOCX files compress 5–30:1. An XML part
 * of more than SUSPICIOUS_MIN_BYTES packed tighter than this is a bomb, not a report. (Media are not
 * checked: a blank bitmap compresses that well, and nothing here inflates media.)
 */
export const SUSPICIOUS_COMPRESSION_RATIO = 200;
const SUSPICIOUS_MIN_BYTES = 10 * 1024 * 1024;

const DOCUMENT_XML = 'word/document.xml';
const CORE_XML = 'docProps/core.xml';
/** Parts kept as text besides document.xml: the title, and what automatic numbering needs. */
const KEPT_PARTS = new Set([CORE_XML, 'word/numbering.xml', 'word/styles.xml']);

export interface DocxPackage {
  /** word/document.xml as text. */
  documentXml: string;
  /** docProps/core.xml, word/numbering.xml and word/styles.xml as text, those present. */
  parts: Map<string, string>;
  entries: number;
  /** Sum of the declared uncompressed sizes. */
  uncompressedBytes: number;
}

function corrupt(detail: string): GongkaiError {
  return new GongkaiError('docx.corrupt', `Not a readable DOCX package: ${detail}`);
}

export async function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

export async function inflate(zip: ZipFile, entry: Entry): Promise<Buffer> {
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))),
  );
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The parts mammoth reads (XML and relationships); media are left alone, as mammoth does here. */
const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

/**
 * Open and check the package. Throws limit.uncompressed-size (declared total over the limit),
 * docx.suspicious-compression, or docx.corrupt (not a zip, a bad entry, sizes that lie, no
 * word/document.xml).
 */
export async function openDocxPackage(bytes: Uint8Array, limits: Limits): Promise<DocxPackage> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true });
  } catch (e) {
    throw corrupt((e as Error).message);
  }
  try {
    const entries = await listEntries(zip).catch((e: Error) => {
      throw corrupt(e.message);
    });
    const uncompressedBytes = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (uncompressedBytes > limits.maxUncompressedBytes) {
      throw limitError('maxUncompressedBytes', `The DOCX declares ${formatBytes(uncompressedBytes)} uncompressed in ${entries.length} entries`, limits);
    }
    for (const e of entries.filter((x) => isXmlPart(x.fileName))) {
      const ratio = e.uncompressedSize / Math.max(e.compressedSize, 1);
      if (e.uncompressedSize > SUSPICIOUS_MIN_BYTES && ratio > SUSPICIOUS_COMPRESSION_RATIO) {
        throw new GongkaiError(
          'docx.suspicious-compression',
          `Entry ${e.fileName} expands ${Math.round(ratio)}:1 to ${formatBytes(e.uncompressedSize)}; real Word parts stay under ${SUSPICIOUS_COMPRESSION_RATIO}:1 (a decompression bomb?)`,
        );
      }
    }
    const documentEntry = entries.find((e) => e.fileName === DOCUMENT_XML);
    if (!documentEntry) {
      throw corrupt(`the zip has no ${DOCUMENT_XML} (an .xlsx, .pptx or other zip?)`);
    }
    let documentXml = '';
    const parts = new Map<string, string>();
    for (const e of entries) {
      if (!isXmlPart(e.fileName)) continue;
      // Inflating every XML part checks that none inflates past its declared size (yauzl's
      // validateEntrySizes), which mammoth's JSZip would not notice.
      const data = await inflate(zip, e).catch((err: Error) => {
        throw corrupt(`entry ${e.fileName}: ${err.message}`);
      });
      if (e === documentEntry) documentXml = data.toString('utf8');
      else if (KEPT_PARTS.has(e.fileName)) parts.set(e.fileName, data.toString('utf8'));
    }
    return { documentXml, parts, entries: entries.length, uncompressedBytes };
  } finally {
    zip.close();
  }
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** dc:title of docProps/core.xml, when set. */
export function coreTitle(coreXml: string | undefined): string | undefined {
  const raw = coreXml && /<dc:title>([\s\S]*?)<\/dc:title>/.exec(coreXml)?.[1];
  if (!raw) return undefined;
  const text = raw
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
      if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)));
      return XML_ENTITIES[name] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
  return text || undefined;
}
