// Legacy Word 97–2003 .doc → DocumentModel. No JavaScript reader keeps merged cells (antiword, catdoc and
// word-extractor lose them, NOTES.md), so LibreOffice converts the file to DOCX, which the DOCX reader
// then reads. Each conversion gets its own LibreOffice profile: two soffice processes sharing one
// profile make the second silently produce nothing (NOTES.md).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GongkaiError, info, type Result } from '../../src/messages.js';
import type { DocumentModel } from '../../src/model/document.js';
import type { ParseContext } from '../context.js';
import { parseDocx } from '../docx/index.js';

/** soffice on PATH, or where Debian and the LibreOffice installers put it; GONGKAI_SOFFICE overrides. */
export function findSoffice(): string | undefined {
  const explicit = process.env.GONGKAI_SOFFICE;
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/lib/libreoffice/program', '/opt/libreoffice/program'];
  return dirs.map((d) => join(d, 'soffice')).find((p) => existsSync(p));
}

function run(file: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (err) => (err ? reject(err) : resolve()));
  });
}

export async function parseDoc(bytes: Uint8Array, ctx: ParseContext): Promise<Result<DocumentModel>> {
  const soffice = findSoffice();
  if (!soffice) {
    throw new GongkaiError('doc.converter-missing', 'Legacy .doc files are converted by LibreOffice, which is not installed (Debian: apt-get install libreoffice-writer-nogui; or set GONGKAI_SOFFICE)');
  }
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-doc-'));
  try {
    const input = join(dir, 'input.doc');
    await writeFile(input, bytes);
    // --infilter: read it as Word 97 or fail; without it LibreOffice imports any bytes as plain text.
    const args = [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--infilter=MS Word 97', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, input];
    try {
      // Leave the batch runner's own timeout a margin, so that soffice is killed here, not orphaned.
      await run(soffice, args, Math.max(1000, ctx.limits.timeoutMs - 2000));
    } catch (e) {
      throw new GongkaiError('doc.corrupt', `LibreOffice could not convert the .doc file: ${(e as Error).message.split('\n')[0]}`);
    }
    const converted = (await readdir(dir)).includes('input.docx') ? await readFile(join(dir, 'input.docx')) : undefined;
    if (!converted) throw new GongkaiError('doc.corrupt', 'LibreOffice produced no DOCX from the .doc file (not a Word document, or damaged)');
    const parsed = await parseDocx(converted, ctx);
    return {
      value: { ...parsed.value, format: 'doc' },
      messages: [info('doc.converted', 'Converted from .doc to DOCX by LibreOffice before reading'), ...parsed.messages],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
