import { describe, expect, it } from 'vitest';
import { DEFAULT_INCLUDE } from './config.js';
import { MIN_LIST_REPORT_LINKS, type PageLinks } from './discover.js';
import { whyNotAReport } from './extract-step.js';

const include = new RegExp(DEFAULT_INCLUDE, 'u');
const page = (over: Partial<PageLinks> = {}): PageLinks => ({ title: '', reports: [], pages: [], attachments: [], paginated: false, ...over });
const links = (n: number) => Array.from({ length: n }, (_, i) => ({ url: `https://a.gov.cn/nb/t${i}.htm`, title: `某区${2015 + i}年政府信息公开工作年度报告` }));

describe('whyNotAReport', () => {
  it('takes any document with template tables as a report', () => {
    expect(whyNotAReport({ page: page({ paginated: true }), linkTitle: '', include }, '2021', null)).toBeUndefined();
    expect(whyNotAReport({ linkTitle: '附件1', include }, '2019', null)).toBeUndefined();
  });

  it('takes a free-form page with an annual-report title as a report (pingtan-2017)', () => {
    expect(whyNotAReport({ page: page({ title: '平潭综合实验区2017年政府信息公开工作年度报告_政府信息公开年报', reports: links(1) }), linkTitle: '', include }, 'none', null)).toBeUndefined();
  });

  it('rejects a list page: it paginates, or links several reports', () => {
    expect(whyNotAReport({ page: page({ title: '政府信息公开年报', paginated: true }), linkTitle: '', include }, 'none', null)).toMatch(/list page/);
    expect(whyNotAReport({ page: page({ title: '政府信息公开年报', reports: links(MIN_LIST_REPORT_LINKS) }), linkTitle: '', include }, 'none', null)).toMatch(/list page/);
  });

  it('does not count a report page\'s own attachments as report links', () => {
    const attachments = links(MIN_LIST_REPORT_LINKS).map((l) => ({ ...l, url: l.url.replace('.htm', '.pdf') }));
    const verdict = whyNotAReport({ page: page({ title: '2023年度报告', reports: attachments, attachments }), linkTitle: '', include }, 'none', null);
    expect(verdict).toMatch(/links its attachment/);
  });

  it('rejects a page that only wraps its attachment', () => {
    const attachments = [{ url: 'https://a.gov.cn/P0.pdf', title: '附件' }];
    expect(whyNotAReport({ page: page({ title: '某区2023年政府信息公开工作年度报告', attachments }), linkTitle: '', include }, 'none', '某区2023年政府信息公开工作年度报告')).toMatch(/attachment/);
  });

  it('does not take a notice about annual reports for one', () => {
    const notice = '关于做好2023年度政府信息公开工作年度报告编制和发布工作的通知';
    expect(whyNotAReport({ page: page({ title: notice }), linkTitle: notice, include }, 'none', notice)).toMatch(/is about annual reports, not one/);
    expect(whyNotAReport({ linkTitle: '2023年度政府信息公开工作年度报告图解', include }, 'none', null)).toMatch(/is about annual reports/);
  });

  it('judges a PDF without template tables by its own title, else by the link that led to it', () => {
    expect(whyNotAReport({ linkTitle: '某区2023年政府信息公开工作年度报告.pdf', include }, 'none', null)).toBeUndefined();
    expect(whyNotAReport({ linkTitle: '附件2：政策解读', include }, 'none', '政策解读')).toMatch(/no annual-report title/);
  });
});
