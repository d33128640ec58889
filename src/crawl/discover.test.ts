import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INCLUDE } from './config.js';
import { readPageLinks, trsPages } from './discover.js';

const include = new RegExp(DEFAULT_INCLUDE, 'u');
const html = (body: string, head = '<meta charset="utf-8"><title>政府信息公开年报</title>') => new TextEncoder().encode(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`);
const corpus = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../shared/corpus/${name}`, import.meta.url))));
const PAGE = 'https://www.example.gov.cn/zwgk/zfxxgknb/index.html';

describe('readPageLinks', () => {
  it('finds report links by link text or by the title attribute of a cut link', () => {
    const links = readPageLinks(html(`
      <a href="202202/t1.htm" title="某区2021年度政府信息公开工作年度报告">某区2021年度政府信…</a>
      <a href="/zwgk/t2.htm">某区2022年政府信息公开年报</a>
      <a href="t3.htm">关于印发某区政务公开工作要点的通知</a>`), PAGE, include);
    expect(links.reports).toEqual([
      { url: 'https://www.example.gov.cn/zwgk/zfxxgknb/202202/t1.htm', title: '某区2021年度政府信息公开工作年度报告' },
      { url: 'https://www.example.gov.cn/zwgk/t2.htm', title: '某区2022年政府信息公开年报' },
    ]);
  });

  it('follows 下一页 and 尾页 links, and the index_N.html series of the same folder', () => {
    const links = readPageLinks(html(`
      <a href="index_1.html">下一页</a> <a href="index_9.html">尾页</a> <a href="index_2.html">3</a>
      <a href="../other/index_1.html">4</a> <a href="javascript:void(0)">上一页</a>`), PAGE, include);
    expect(links.pages.sort()).toEqual([
      'https://www.example.gov.cn/zwgk/zfxxgknb/index_1.html',
      'https://www.example.gov.cn/zwgk/zfxxgknb/index_2.html',
      'https://www.example.gov.cn/zwgk/zfxxgknb/index_9.html',
    ]);
    expect(links.paginated).toBe(true);
  });

  it('collects attachments by extension in the URL or in the link text, and inline PDF frames', () => {
    const links = readPageLinks(html(`
      <a href="P020240115.pdf">附件1</a>
      <a href="/download?id=7">统计表.xlsx</a>
      <a href="P0202.WPS">附件3</a>
      <iframe src="/pdfjs/web/report.pdf"></iframe>
      <a href="t2.htm">正文</a>`), PAGE, include);
    expect(links.attachments.map((a) => a.url).sort()).toEqual([
      'https://www.example.gov.cn/download?id=7',
      'https://www.example.gov.cn/pdfjs/web/report.pdf',
      'https://www.example.gov.cn/zwgk/zfxxgknb/P0202.WPS',
      'https://www.example.gov.cn/zwgk/zfxxgknb/P020240115.pdf',
    ]);
  });

  it('reads the links of a GB2312 page through its meta charset', () => {
    const links = readPageLinks(corpus('fixtures/seed-2023-gbk.html'), 'https://swj.example.gov.cn/xxgk/ndbg/t1.htm', include);
    expect(links.title).toContain('平顶山市商务局2023年政府信息公开工作年度报告');
    expect(links.attachments.map((a) => a.title)).toContain('平顶山市商务局2023年政府信息公开工作年度报告.docx');
  });

  it('sees only the breadcrumb on a real report page, not a list', () => {
    const links = readPageLinks(corpus('real/pingtan-2021.html'), 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202202/t20220208_80613.htm', include);
    expect(links.reports.map((r) => r.url)).toEqual(['https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/']);
    expect(links.paginated).toBe(false);
  });

  it('reads a GBK page that declares no charset at all', () => {
    const withoutMeta = Buffer.from(corpus('fixtures/seed-2023-gbk.html')).toString('latin1').replace(/<meta[^>]*charset[^>]*>/gi, '');
    const links = readPageLinks(new Uint8Array(Buffer.from(withoutMeta, 'latin1')), 'https://swj.example.gov.cn/xxgk/ndbg/t1.htm', include);
    expect(links.title).toContain('平顶山市商务局2023年政府信息公开工作年度报告');
  });

  it('reads the list items a 大汉 JCMS page keeps in a <datastore> script', () => {
    const links = readPageLinks(html(`<div id="1234"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&columnid=1234"></a>]]></nextgroup>
<recordset><record><![CDATA[<li><a href="/art/2024/1/15/art_1234_1.html" title="某市2023年政府信息公开工作年度报告" target="_blank">某市2023年政府信息公开…</a><span>2024-01-15</span></li>]]></record>
<record><![CDATA[<li><a href="/art/2023/1/16/art_1234_2.html" title="关于印发工作要点的通知">关于印发工作要点的通知</a></li>]]></record></recordset></datastore></script></div>`), PAGE, include);
    expect(links.reports).toEqual([{ url: 'https://www.example.gov.cn/art/2024/1/15/art_1234_1.html', title: '某市2023年政府信息公开工作年度报告' }]);
  });

  it('follows a stub page that moved by meta refresh or by a bare location script', () => {
    const meta = readPageLinks(html('', '<meta charset="utf-8"><meta http-equiv="Refresh" content="0; url=index.shtml">'), PAGE, include);
    expect(meta.redirectTo).toBe('https://www.example.gov.cn/zwgk/zfxxgknb/index.shtml');
    const script = readPageLinks(html('<script>window.location.href="/col/col123/index.html";</script>'), PAGE, include);
    expect(script.redirectTo).toBe('https://www.example.gov.cn/col/col123/index.html');
  });

  it('ignores a script redirect on a page that has links of its own', () => {
    const links = readPageLinks(html('<a href="t1.htm">2023年度报告</a><script>if(mobile)location.href="/m/index.html"</script>'), PAGE, include);
    expect(links.redirectTo).toBeUndefined();
  });

  it('honours <base href> and drops fragments, mailto: and javascript: links', () => {
    const links = readPageLinks(html('<a href="r.htm#top">2023年度报告</a><a href="mailto:a@b.cn">年报邮箱</a><a href="javascript:go()">年报</a>',
      '<meta charset="utf-8"><base href="https://cdn.example.gov.cn/col/">'), PAGE, include);
    expect(links.reports.map((r) => r.url)).toEqual(['https://cdn.example.gov.cn/col/r.htm']);
  });
});

describe('trsPages', () => {
  it('expands createPageHTML(countPage, currentPage, "index", "html") with its variables', () => {
    const script = 'var countPage = 3;//共多少页\nvar currentPage = 0;//当前页\ncreatePageHTML(countPage, currentPage, "index", "html");';
    expect(trsPages(script, PAGE)).toEqual([
      'https://www.example.gov.cn/zwgk/zfxxgknb/index.html',
      'https://www.example.gov.cn/zwgk/zfxxgknb/index_1.html',
      'https://www.example.gov.cn/zwgk/zfxxgknb/index_2.html',
    ]);
  });

  it('reads the six-argument form with literal numbers and another file name', () => {
    expect(trsPages("createPageHTML('page_div',2, 1,'list','shtml',40);", PAGE)).toEqual([
      'https://www.example.gov.cn/zwgk/zfxxgknb/list.shtml',
      'https://www.example.gov.cn/zwgk/zfxxgknb/list_1.shtml',
    ]);
  });

  it('falls back to the page name when only countPage is set', () => {
    expect(trsPages('var countPage = 2;', 'https://a.gov.cn/col/index_1.htm')).toEqual(['https://a.gov.cn/col/index.htm', 'https://a.gov.cn/col/index_1.htm']);
  });

  it('writes nothing for a one-page list', () => {
    expect(trsPages('var countPage = 1;\ncreatePageHTML(countPage, 0, "index", "html");', PAGE)).toEqual([]);
  });
});
