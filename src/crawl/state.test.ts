import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { archiveExtension, sha256Of, StateStore } from './state.js';

const corpus = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../shared/corpus/${name}`, import.meta.url))));
let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('archiveExtension', () => {
  it('names the archive after the sniffed format, not the URL', () => {
    expect(archiveExtension(corpus('fixtures/seed-2023.pdf'), 'https://a.gov.cn/t1.html')).toBe('pdf');
    expect(archiveExtension(corpus('fixtures/seed-2023.docx'), 'https://a.gov.cn/P0.doc')).toBe('docx');
    expect(archiveExtension(corpus('real/pingtan-2021.html'), 'https://a.gov.cn/download?id=1')).toBe('html');
  });

  it('tells OLE2 files apart by their main stream, and uses the URL only for what the bytes cannot say', () => {
    const doc = corpus('fixtures/seed-2023-distinct.doc');
    expect(archiveExtension(doc, 'https://a.gov.cn/P0.doc')).toBe('doc');
    expect(archiveExtension(doc, 'https://a.gov.cn/download?id=3')).toBe('doc');
    expect(archiveExtension(doc, 'https://a.gov.cn/P0.wps')).toBe('wps');
    // An OLE2 header and a directory entry named "Workbook", as Excel 97 writes it.
    const workbook = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504), Buffer.from('Workbook', 'utf16le'), Buffer.alloc(64)]);
    expect(archiveExtension(workbook, 'https://a.gov.cn/P0.doc')).toBe('xls');
    expect(archiveExtension(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), 'https://a.gov.cn/P0.zip')).toBe('zip');
    expect(archiveExtension(new Uint8Array([0, 1, 2, 3]), 'https://a.gov.cn/x')).toBe('bin');
  });
});

describe('StateStore', () => {
  it('archives bytes once under their sha256 and reads them back', async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongkai-state-'));
    const store = await StateStore.open(dir);
    const bytes = corpus('fixtures/seed-2023.pdf');
    const sha = await store.archive(bytes, 'pdf');
    expect(sha).toBe(sha256Of(bytes));
    expect(await store.readArchived({ sha256: sha, ext: 'pdf' })).toEqual(bytes);
  });

  it('does not trust an archived file whose bytes no longer match its name', async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongkai-state-'));
    const store = await StateStore.open(dir);
    const sha = await store.archive(new TextEncoder().encode('<p>v1</p>'), 'html');
    await writeFile(store.rawPath(sha, 'html'), 'tampered');
    expect(await store.readArchived({ sha256: sha, ext: 'html' })).toBeUndefined();
  });

  it('saves state.json and opens it again', async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongkai-state-'));
    const store = await StateStore.open(dir);
    store.set('https://a.gov.cn/t.htm', { etag: '"1"', lastModified: null, sha256: 'ab', fetchedAt: '2024-01-01T00:00:00.000Z', versions: [] });
    await Promise.all([store.save(), store.save()]);
    const again = await StateStore.open(dir);
    expect(again.get('https://a.gov.cn/t.htm')?.etag).toBe('"1"');
  });

  it('refuses a state.json that is not a crawl state instead of overwriting it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongkai-state-'));
    await writeFile(join(dir, 'state.json'), JSON.stringify({ something: 'else' }));
    await expect(StateStore.open(dir)).rejects.toThrow(/not a gongkai crawl state/);
    expect(JSON.parse(await readFile(join(dir, 'state.json'), 'utf8'))).toEqual({ something: 'else' });
    await writeFile(join(dir, 'state.json'), '{"stateVersion": 1, "urls": {');
    await expect(StateStore.open(dir)).rejects.toThrow(/state\.json is not valid JSON/);
  });
});
