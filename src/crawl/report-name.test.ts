import { describe, expect, it } from 'vitest';
import { reportFileName } from './report-name.js';

const SHA = 'abcdef0123456789'.repeat(4);

describe('reportFileName', () => {
  it('names a report after host and path, with the first 8 digits of its sha256', () => {
    expect(reportFileName('https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202202/t20220208_80613.htm', SHA))
      .toBe('www.pingtan.gov.cn/zwgk__zfxxgk__zfxxgknb__202202__t20220208_80613.htm.abcdef01.json');
  });

  it('keeps two sites\' index.html apart', () => {
    const a = reportFileName('https://a.gov.cn/nb/index.html', SHA);
    const b = reportFileName('https://b.gov.cn/nb/index.html', SHA);
    expect(a).not.toBe(b);
  });

  it('keeps two versions of one URL apart', () => {
    expect(reportFileName('https://a.gov.cn/r.htm', SHA)).not.toBe(reportFileName('https://a.gov.cn/r.htm', `0${SHA.slice(1)}`));
  });

  it('turns ports, queries and unsafe characters into underscores, and keeps Chinese file names readable', () => {
    expect(reportFileName('http://127.0.0.1:8080/down?id=7&t=pdf', SHA)).toBe('127.0.0.1_8080/down__id_7_t_pdf.abcdef01.json');
    expect(reportFileName('https://a.gov.cn/files/%E5%B9%B4%E6%8A%A5.pdf', SHA)).toBe('a.gov.cn/files__年报.pdf.abcdef01.json');
    expect(reportFileName('https://a.gov.cn/', SHA)).toBe('a.gov.cn/index.abcdef01.json');
    expect(reportFileName('https://a.gov.cn/../..//x', SHA)).toBe('a.gov.cn/x.abcdef01.json');
  });

  it('cuts very long names but keeps them distinct', () => {
    const long = (n: number) => `https://a.gov.cn/${'很长的路径'.repeat(30)}/${n}.htm`;
    const a = reportFileName(long(1), SHA);
    const b = reportFileName(long(2), SHA);
    expect(a).not.toBe(b);
    expect(Buffer.byteLength(a.split('/')[1]!)).toBeLessThanOrEqual(220);
  });
});
