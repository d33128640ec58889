// Format from the bytes, never from the file name: agency sites serve PDFs as .html and DOCX as .doc.
import type { Format } from '../model/document.js';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** Sniff the format of a document from its first bytes. */
export function detectFormat(bytes: Uint8Array): Format {
  // %PDF may follow a little junk (some servers prepend a BOM or whitespace): look in the first 1 KB.
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.indexOf('%PDF-') >= 0) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // A zip: DOCX when it holds word/document.xml (its name appears in a local header near the start
    // or in the central directory at the end).
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return buf.indexOf('word/') >= 0 ? 'docx' : 'unknown';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc'; // OLE2 (Word 97–2003)
  return sniffText(head);
}

function sniffText(head: Buffer): Format {
  if (head.length === 0) return 'unknown';
  // Binary data has NUL bytes or many control characters; text (UTF-8, GBK) has neither.
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return 'unknown';
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  if (control > head.length * 0.02) return 'unknown';
  const lower = head.toString('latin1').toLowerCase();
  if (/<(!doctype html|html|head|body|meta|div|table|p)[\s>]/.test(lower)) return 'html';
  return 'txt';
}
