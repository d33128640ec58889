import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OutputNamer } from './naming.js';

describe('OutputNamer', () => {
  it('names the output after the input file, extension included', () => {
    expect(new OutputNamer().nameFor('corpus/seed-2023.pdf', 'seed-2023.pdf')).toBe('seed-2023.pdf.json');
  });

  it('keeps the sub-folder under a folder given as input', () => {
    expect(new OutputNamer().nameFor('in/real/x.pdf', 'real/x.pdf')).toBe('real/x.pdf.json');
  });

  it('gives colliding inputs -2, -3 before .json, in input order', () => {
    const namer = new OutputNamer();
    expect(['a/x.pdf', 'b/x.pdf', 'c/x.pdf'].map((p) => namer.nameFor(p, 'x.pdf'))).toEqual(['x.pdf.json', 'x.pdf-2.json', 'x.pdf-3.json']);
  });

  it('treats names differing only in case as a collision (macOS and Windows file systems)', () => {
    const namer = new OutputNamer();
    expect([namer.nameFor('a/X.pdf', 'X.pdf'), namer.nameFor('b/x.pdf', 'x.pdf')]).toEqual(['X.pdf.json', 'x.pdf-2.json']);
  });

  it('reuses the name an earlier run gave to a path, and keeps it from being given to another input', () => {
    const namer = new OutputNamer([['b/x.pdf', 'x.pdf.json']]);
    expect(namer.nameFor('a/x.pdf', 'x.pdf')).toBe('x.pdf-2.json');
    expect(namer.nameFor('b/x.pdf', 'x.pdf')).toBe('x.pdf.json');
  });

  it('never produces the manifest name or a path leaving the output folder', () => {
    const namer = new OutputNamer();
    expect(namer.nameFor('../../etc/passwd', '../../etc/passwd')).toBe('etc/passwd.json');
    expect(namer.nameFor('manifest.jsonl', 'manifest.jsonl')).toBe('manifest.jsonl.json');
  });

  it('gives every input a distinct name', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('x.pdf', 'X.pdf', 'a/x.pdf', 'x.pdf.json', 'x.pdf-2'), { maxLength: 30 }), (rels) => {
      const namer = new OutputNamer();
      const names = rels.map((rel, i) => namer.nameFor(`in${i}/${rel}`, rel).toLowerCase());
      expect(new Set(names).size).toBe(names.length);
    }));
  });
});
