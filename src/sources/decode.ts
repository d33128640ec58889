// Bytes → string, with the charset read from the bytes themselves. Chinese agency pages are often
// GB2312/GBK (corpus fixtures/seed-2023-gbk.html); `buf.toString()` turns them into mojibake.

/** How the encoding was chosen, for messages and debugging. */
export type EncodingEvidence = 'bom' | 'meta' | 'utf8-valid' | 'fallback';

export interface DecodedText {
  text: string;
  /** WHATWG encoding name actually used, e.g. 'utf-8', 'gb18030'. */
  encoding: string;
  evidence: EncodingEvidence;
  /** The charset the page declared, when it declared one that was not used (bytes disagreed). */
  ignoredDeclaration?: string;
}

export interface DecodeOptions {
  /** Look for <meta charset> / <meta http-equiv="Content-Type"> in the head of the bytes. */
  html?: boolean;
}

/**
 * GB2312 and GBK labels decode as GB18030: real "gb2312" pages contain GBK-only characters
 * (e.g. 镕, 堃 in names), and GB18030 is a superset of both. WHATWG maps gb2312 to GBK already;
 * GB18030 also covers the four-byte sequences some editors emit.
 */
const CHARSET_ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  gb_2312: 'gb18030',
  'gb_2312-80': 'gb18030',
  'csgb2312': 'gb18030',
  cp936: 'gb18030',
  'windows-936': 'gb18030',
  gb18030: 'gb18030',
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
};

/** Bytes of the head scanned for a <meta> charset; WHATWG prescans 1024, CMS heads are often longer. */
const META_SCAN_BYTES = 8192;

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i;
/** XHTML pages may declare it in the XML declaration instead: <?xml version="1.0" encoding="gb2312"?> */
const XML_ENCODING = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i;

/** Normalise a charset label to a name TextDecoder accepts, or undefined if it knows none. */
export function normaliseCharset(label: string): string | undefined {
  const key = label.trim().toLowerCase();
  const name = CHARSET_ALIASES[key] ?? key;
  try {
    return new TextDecoder(name).encoding;
  } catch {
    return undefined;
  }
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The charset declared by a <meta> tag (or an XML declaration) in the first bytes of a page, as written. */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, META_SCAN_BYTES)).toString('latin1');
  return META_CHARSET.exec(head)?.[1] ?? XML_ENCODING.exec(head)?.[1];
}

function decodeStrictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

/**
 * Decode document bytes. Order: BOM; for HTML the <meta> declaration; bytes that are valid UTF-8;
 * else GB18030 (what unlabelled Chinese text that is not UTF-8 almost always is).
 * A declaration is overruled only when it names a single-byte or GB charset while the bytes are valid,
 * non-ASCII UTF-8 (templates copied between sites keep a stale `charset=gb2312`); GBK text of any length
 * is practically never valid UTF-8, so that test does not misfire.
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom, evidence: 'bom' };

  const utf8 = decodeStrictUtf8(bytes);
  if (options.html) {
    const label = declaredHtmlCharset(bytes);
    const declared = label ? normaliseCharset(label) : undefined;
    if (declared && label) {
      if (declared === 'utf-8' && utf8 === undefined) {
        // Declared UTF-8 but is not: fall through to GB18030 below, remembering the claim.
        return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', evidence: 'fallback', ignoredDeclaration: label };
      }
      if (declared !== 'utf-8' && utf8 !== undefined && hasNonAscii(bytes)) {
        return { text: utf8, encoding: 'utf-8', evidence: 'utf8-valid', ignoredDeclaration: label };
      }
      const text = declared === 'utf-8' && utf8 !== undefined ? utf8 : new TextDecoder(declared).decode(bytes);
      return { text, encoding: declared, evidence: 'meta' };
    }
  }
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', evidence: 'utf8-valid' };
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', evidence: 'fallback' };
}
