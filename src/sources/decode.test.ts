import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../test/support/corpus.js';
import { decodeText, normaliseCharset } from './decode.js';

const corpus = (file: string) => readFileSync(`${ROOT}corpus/${file}`);

/** seed-2023-gbk.html with its <meta http-equiv="Content-Type" …charset=gb2312> removed (ASCII bytes only). */
function gbkWithoutMeta(): Buffer {
  const bytes = corpus('seed-2023-gbk.html');
  const head = bytes.toString('latin1');
  const meta = /<meta http-equiv="Content-Type"[^>]*>/i.exec(head)!;
  return Buffer.concat([bytes.subarray(0, meta.index), bytes.subarray(meta.index + meta[0].length)]);
}

describe('decodeText', () => {
  it('reads a charset=gb2312 page as GB18030, the same text as its UTF-8 twin', () => {
    const gbk = decodeText(corpus('seed-2023-gbk.html'), { html: true });
    const utf8 = decodeText(corpus('seed-2023.html'), { html: true });
    expect(gbk).toMatchObject({ encoding: 'gb18030', evidence: 'meta' });
    expect(utf8.encoding).toBe('utf-8');
    const body = (t: string) => t.slice(t.indexOf('<body'));
    expect(body(gbk.text)).toBe(body(utf8.text));
  });

  it('falls back to GB18030 for a GBK page without any charset declaration', () => {
    const decoded = decodeText(gbkWithoutMeta(), { html: true });
    expect(decoded).toMatchObject({ encoding: 'gb18030', evidence: 'fallback' });
    expect(decoded.text).toContain('平顶山市商务局2023年政府信息公开工作年度报告');
  });

  it('reads unlabelled valid UTF-8 as UTF-8', () => {
    const decoded = decodeText(corpus('pingdingshan-shangwu-2023.txt'));
    expect(decoded).toMatchObject({ encoding: 'utf-8', evidence: 'utf8-valid' });
    expect(decoded.text).toContain('本年度止件数');
  });

  it('honours a byte-order mark over everything else and strips it', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<meta charset="gbk">一、总体情况', 'utf16le')]);
    expect(decodeText(utf16, { html: true })).toMatchObject({ encoding: 'utf-16le', evidence: 'bom', text: '<meta charset="gbk">一、总体情况' });
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('总体情况')]);
    expect(decodeText(utf8)).toMatchObject({ encoding: 'utf-8', text: '总体情况' });
  });

  it('reads <meta charset> as well as <meta http-equiv content="…charset=…">', () => {
    const gbkBody = new Uint8Array([0xd7, 0xdc, 0xcc, 0xe5]); // 总体 in GBK
    const page = (meta: string) => Buffer.concat([Buffer.from(`<html><head>${meta}</head><body>`), gbkBody]);
    expect(decodeText(page('<meta charset="GBK">'), { html: true }).text).toContain('总体');
    expect(decodeText(page("<meta http-equiv='Content-Type' content='text/html; charset=gb2312'>"), { html: true }).text).toContain('总体');
  });

  it('reads the encoding of an XML declaration (XHTML pages)', () => {
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="GB2312"?><html><body>'), new Uint8Array([0xd7, 0xdc, 0xcc, 0xe5])]);
    expect(decodeText(bytes, { html: true })).toMatchObject({ encoding: 'gb18030', evidence: 'meta' });
  });

  it('does not trust a stale gb2312 declaration on bytes that are valid UTF-8', () => {
    const decoded = decodeText(Buffer.from('<meta charset="gb2312"><p>一、总体情况</p>'), { html: true });
    expect(decoded).toMatchObject({ encoding: 'utf-8', ignoredDeclaration: 'gb2312' });
    expect(decoded.text).toContain('一、总体情况');
  });

  it('does not trust a utf-8 declaration on GBK bytes', () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="utf-8"><p>'), new Uint8Array([0xd7, 0xdc, 0xcc, 0xe5])]);
    expect(decodeText(bytes, { html: true })).toMatchObject({ encoding: 'gb18030', text: '<meta charset="utf-8"><p>总体', ignoredDeclaration: 'utf-8' });
  });

  it('decodes GBK-only characters that are not in GB2312 (镕)', () => {
    // 镕 is GBK 0xE946, outside GB2312's rows; real "gb2312" pages use it in names.
    const bytes = Buffer.concat([Buffer.from('<meta charset="gb2312">'), new Uint8Array([0xe9, 0x46])]);
    expect(decodeText(bytes, { html: true }).text.endsWith('镕')).toBe(true);
  });
});

describe('normaliseCharset', () => {
  it('maps gb2312 and gbk labels to gb18030 and rejects unknown labels', () => {
    expect(normaliseCharset('GB2312')).toBe('gb18030');
    expect(normaliseCharset('gbk')).toBe('gb18030');
    expect(normaliseCharset('UTF8')).toBe('utf-8');
    expect(normaliseCharset('no-such-charset')).toBeUndefined();
  });
});
