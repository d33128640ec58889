// Report file names: DIR/reports/<host>/<path with "/" as "__">.<sha8>.json. The host keeps two sites'
// index.html apart, the path keeps two reports of one site apart, and the first 8 hex digits of the
// body's sha256 keep the versions of one URL apart (an edited report gets a new file; the old one stays).
import { createHash } from 'node:crypto';

/** Longest file name written (most file systems allow 255 bytes; Chinese characters take 3 each). */
const MAX_NAME_BYTES = 200;

/** Relative path (under DIR/reports) of the report for one version of `url`. */
export function reportFileName(url: string, sha256: string): string {
  const u = new URL(url);
  const host = u.host.replace(/:/g, '_'); // "127.0.0.1:8080" → "127.0.0.1_8080" (":" is not allowed on Windows)
  let path = safeDecode(u.pathname).replace(/^\/+/, '');
  if (path === '' || path.endsWith('/')) path += 'index';
  let stem = path.split('/').map(clean).filter((s) => s !== '').join('__');
  if (u.search) stem += `__${clean(safeDecode(u.search.slice(1)))}`;
  if (Buffer.byteLength(stem) > MAX_NAME_BYTES) {
    // Cut long names, and keep them distinct with a hash of the whole URL path.
    const digest = createHash('sha256').update(u.pathname + u.search).digest('hex').slice(0, 12);
    stem = `${truncateBytes(stem, MAX_NAME_BYTES - 13)}_${digest}`;
  }
  return `${clean(host)}/${stem}.${sha256.slice(0, 8)}.json`;
}

/** Keep letters (Chinese included), digits, "." "-" "_"; everything else becomes "_". */
function clean(segment: string): string {
  return segment.replace(/[^\p{L}\p{N}._-]/gu, '_').replace(/^\.+/, '_');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function truncateBytes(s: string, maxBytes: number): string {
  let out = '';
  for (const ch of s) {
    if (Buffer.byteLength(out + ch) > maxBytes) break;
    out += ch;
  }
  return out;
}
