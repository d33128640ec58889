// Anti-bot challenge pages. Agency sites sit behind bot walls (加速乐/Jiasule, 瑞数/Ruishu, …) that answer
// with a script instead of the page. gongkai records such an answer as `blocked`: it is never parsed as a
// report, and never worked around (no cookie replay, no script execution) — ask the site to allow the
// crawler instead. Every rule is here, one function each, so the list is easy to review.
import { detectFormat } from '../sources/detect.js';

export interface BlockVerdict {
  /** Which rule matched, e.g. 'jsl-clearance'. */
  rule: string;
  reason: string;
}

/** A page with less visible text than this is "empty" for the script-only rules. */
export const MAX_CHALLENGE_TEXT_CHARS = 200;

/** Only markup is looked at: a PDF or DOCX body is never a challenge. Scripts are in the first bytes. */
const MAX_SNIFF_BYTES = 256 * 1024;

interface Page {
  status: number;
  html: string;
  /** Text outside <script>/<style> and tags, whitespace squeezed. */
  visibleText: string;
  /** Inline script code, joined. */
  scripts: string;
  /** <script> elements, inline or external (src=…). */
  scriptCount: number;
}

/** Does this response look like a bot challenge? undefined when it does not. */
export function detectAntiBot(status: number, body: Uint8Array): BlockVerdict | undefined {
  const format = detectFormat(body);
  // Challenges are tiny markup; a 5xx body may be binary junk, which is an ordinary server error.
  if (format !== 'html' && format !== 'txt') return undefined;
  const html = Buffer.from(body.subarray(0, MAX_SNIFF_BYTES)).toString('latin1');
  const page = describe(status, html);
  for (const rule of RULES) {
    const verdict = rule(page);
    if (verdict) return verdict;
  }
  return undefined;
}

type Rule = (page: Page) => BlockVerdict | undefined;

const RULES: Rule[] = [
  // 加速乐 (Jiasule, Knownsec): HTTP 521 with a few hundred bytes of script that sets the `__jsl_clearance`
  // cookie and reloads (location.href=…). The name is spelt out one character at a time
  // (('_')+('_')+('j')+…), so quotes, brackets and pluses are removed before looking for it.
  (page) => page.status === 521 && /__jsl_clearance/i.test(page.scripts.replace(/['"()+\s]/g, ''))
    ? { rule: 'jsl-clearance', reason: 'HTTP 521 challenge setting a __jsl_clearance cookie (加速乐 anti-bot)' }
    : undefined,

  // 瑞数 (Ruishu) and look-alikes: HTTP 412 or 202 with an obfuscated script (`$_ts` state, eval'd code,
  // meta tag carrying a cipher) and no content. A real 412/202 from a plain server carries text or nothing.
  (page) => (page.status === 412 || page.status === 202) && page.scriptCount > 0 && page.visibleText.length < MAX_CHALLENGE_TEXT_CHARS
    ? { rule: 'script-challenge-status', reason: `HTTP ${page.status} holding only a script (obfuscated anti-bot challenge)` }
    : undefined,

  // Any 200 (or other status) page that is nothing but a script that sets a cookie, reloads itself, or runs
  // obfuscated code: a challenge served with a normal status. Real list and report pages have text.
  (page) => page.visibleText.length < MAX_CHALLENGE_TEXT_CHARS && CHALLENGE_SCRIPT.test(page.scripts)
    ? { rule: 'script-only-page', reason: `HTTP ${page.status} page with almost no text and a script that sets cookies, reloads or evals (anti-bot challenge)` }
    : undefined,
];

/**
 * What challenge scripts do: set a cookie, reload the same page (location.reload(), or location.href set
 * from location itself), decode and eval, or keep Ruishu's `$_ts` state. A plain JavaScript redirect to
 * another address (`location.href = "/new/index.html"`, used when a column moves) is not a challenge.
 */
const CHALLENGE_SCRIPT = /document\.cookie\s*=|location\.reload\s*\(|location\.(href|replace)\s*[=(]\s*(window\.)?location\b|\beval\s*\(|\$_ts\s*=|String\.fromCharCode\(|(\\x[0-9a-f]{2}){2}/i;

function describe(status: number, html: string): Page {
  const scripts: string[] = [];
  const withoutScripts = html
    .replace(/<script\b[^>]*>([\s\S]*?)(<\/script\s*>|$)/gi, (_m, code: string) => {
      scripts.push(code);
      return ' ';
    })
    .replace(/<style\b[^>]*>[\s\S]*?(<\/style\s*>|$)/gi, ' ');
  const visibleText = withoutScripts
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { status, html, visibleText, scripts: scripts.join('\n'), scriptCount: scripts.length };
}
