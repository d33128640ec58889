import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JSL_CHALLENGE } from '../../test/crawl/agency-site.js';
import { detectAntiBot } from './anti-bot.js';

const enc = (s: string) => new TextEncoder().encode(s);
const corpus = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../shared/corpus/${name}`, import.meta.url))));

// The shape of a 瑞数 412 page: a meta cipher, $_ts state and an external script, no text.
const RUISHU_CHALLENGE = '<!DOCTYPE html><html><head><meta content="{qqrA0bFqE.1aV8" r=\'m\'><script type="text/javascript">$_ts=window[\'$_ts\'];if(!$_ts)$_ts={};$_ts.nsd=12345;$_ts.cd="qEcqrrAlq";</script><script type="text/javascript" charset="utf-8" src="/aBc1/Xyz.js" r=\'m\'></script></head><body></body></html>';

describe('detectAntiBot', () => {
  it('recognises the 加速乐 521 page that sets __jsl_clearance and reloads', () => {
    expect(detectAntiBot(521, enc(JSL_CHALLENGE))?.rule).toBe('jsl-clearance');
  });

  it('recognises a 412 page that holds only an obfuscated script', () => {
    expect(detectAntiBot(412, enc(RUISHU_CHALLENGE))?.rule).toBe('script-challenge-status');
    expect(detectAntiBot(202, enc(RUISHU_CHALLENGE))?.rule).toBe('script-challenge-status');
    expect(detectAntiBot(412, enc('<html><head><script src="/Xyz.js"></script></head><body></body></html>'))?.rule).toBe('script-challenge-status');
  });

  it('recognises a 200 page that is nothing but a cookie-setting reload script', () => {
    const page = '<html><head><script>var x="\\x61\\x62";document.cookie="acw_sc__v2="+x;location.reload();</script></head><body></body></html>';
    expect(detectAntiBot(200, enc(page))?.rule).toBe('script-only-page');
  });

  it('recognises a 200 page whose script rebuilds its own address and reloads', () => {
    const page = '<html><script>var _0x1=["\\x68\\x72"];setTimeout(function(){location.href=location.pathname+"?t="+Date.now()},100)</script></html>';
    expect(detectAntiBot(200, enc(page))?.rule).toBe('script-only-page');
  });

  it('does not take a plain JavaScript redirect to a moved column for a challenge', () => {
    expect(detectAntiBot(200, enc('<html><head><script>window.location.href="/zwgk/zfxxgknb/index.html";</script></head><body></body></html>'))).toBeUndefined();
  });

  it('leaves real report pages alone even though they carry scripts', () => {
    expect(detectAntiBot(200, corpus('real/pingtan-2021.html'))).toBeUndefined();
    expect(detectAntiBot(200, corpus('fixtures/seed-2023-gbk.html'))).toBeUndefined();
  });

  it('never flags a PDF, whatever the status', () => {
    expect(detectAntiBot(200, corpus('fixtures/seed-2023.pdf'))).toBeUndefined();
    expect(detectAntiBot(521, corpus('fixtures/seed-2023.pdf'))).toBeUndefined();
  });

  it('treats a plain 500 error page as an ordinary server error', () => {
    expect(detectAntiBot(500, enc('<html><body><h1>500 Internal Server Error</h1></body></html>'))).toBeUndefined();
    expect(detectAntiBot(412, enc('Precondition Failed'))).toBeUndefined();
  });
});
