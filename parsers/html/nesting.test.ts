import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../test/support/corpus.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { GongkaiError } from '../../src/messages.js';
import { checkNestingDepth } from './nesting.js';

const limits = { ...DEFAULT_LIMITS, maxNestingDepth: 40 };

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('checkNestingDepth', () => {
  it('refuses 60,000 nested <div>s with limit.nesting-depth, naming the limit and its flag', () => {
    const html = `<html><body>${'<div>'.repeat(60_000)}x${'</div>'.repeat(60_000)}</body></html>`;
    const error = thrown(() => checkNestingDepth(html, DEFAULT_LIMITS));
    expect(error).toBeInstanceOf(GongkaiError);
    expect((error as GongkaiError).code).toBe('limit.nesting-depth');
    expect((error as GongkaiError).message).toMatch(/maxNestingDepth is 512 \(set --max-nesting-depth\)/);
  });

  it('counts unclosed <p>, <li> and <td> as siblings, as an HTML parser does', () => {
    const html = `<ul>${'<li><p>item<p>more'.repeat(500)}</ul><table>${'<tr><td>1<td>2'.repeat(500)}</table>`;
    expect(checkNestingDepth(html, limits).maxDepth).toBeLessThanOrEqual(4);
  });

  it('ignores void elements, self-closing tags, comments and the content of <script>', () => {
    const html = `<div>${'<br><img src=x><input/>'.repeat(100)}<!-- <div><div> --><script>for(;;){'<div>'}</script></div>`;
    expect(checkNestingDepth(html, limits).maxDepth).toBe(1);
  });

  it('measures XML (DOCX parts) without HTML rules', () => {
    const xml = `<w:document><w:body>${'<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(50)}<w:sectPr/></w:body></w:document>`;
    expect(checkNestingDepth(xml, limits, 'xml').maxDepth).toBe(5);
    expect((thrown(() => checkNestingDepth('<a>'.repeat(41), limits, 'xml')) as GongkaiError).code).toBe('limit.nesting-depth');
  });

  it('accepts every corpus page well under the default limit', () => {
    for (const file of ['pingtan-2017.html', 'pingtan-2019.html', 'pingtan-2021.html', 'pingtan-2023.html', 'seed-2023.html']) {
      const depth = checkNestingDepth(readFileSync(`${ROOT}corpus/${file}`, 'utf8'), DEFAULT_LIMITS).maxDepth;
      expect(depth, file).toBeGreaterThan(5);
      expect(depth, file).toBeLessThan(60);
    }
  });
});
