import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverInputs, type Input } from './discover.js';

async function collect(gen: AsyncGenerator<Input>): Promise<Input[]> {
  const out: Input[] = [];
  for await (const i of gen) out.push(i);
  return out;
}

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'discover-'));
  for (const rel of ['b.pdf', 'a/z.html', 'a/c.txt', '.hidden/x.pdf', 'a/.DS_Store', 'out/old.json', 'B.pdf']) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), 'x');
  }
  symlinkSync(join(root, 'a'), join(root, 'loop')); // a folder symlink is not followed
  return root;
}

describe('discoverInputs', () => {
  it('walks folders depth first, sorted per folder, skipping hidden entries and excluded folders', async () => {
    const root = tree();
    const found = await collect(discoverInputs([root], { excludeDirs: [join(root, 'out')] }));
    expect(found.map((i) => i.relPath)).toEqual(['B.pdf', 'a/c.txt', 'a/z.html', 'b.pdf']);
    expect(found.map((i) => i.index)).toEqual([0, 1, 2, 3]);
    expect(found[1]!.path).toBe(join(root, 'a/c.txt'));
  });

  it('keeps argument order, reads an explicitly named file as is and reports a missing path as input.not-found', async () => {
    const root = tree();
    const found = await collect(discoverInputs([join(root, 'b.pdf'), join(root, 'nope.pdf'), join(root, '.hidden', 'x.pdf')]));
    expect(found.map((i) => [i.relPath, i.problem?.code])).toEqual([['b.pdf', undefined], ['nope.pdf', 'input.not-found'], ['x.pdf', undefined]]);
  });

  it('reports a path that exists but cannot be read (a symlink loop) as input.unreadable', async () => {
    const root = mkdtempSync(join(tmpdir(), 'discover-'));
    symlinkSync(join(root, 'b'), join(root, 'a'));
    symlinkSync(join(root, 'a'), join(root, 'b'));
    const found = await collect(discoverInputs([join(root, 'a')]));
    expect(found.map((i) => i.problem?.code)).toEqual(['input.unreadable']);
    expect(found[0]!.problem?.message).toContain('ELOOP');
  });

  it('yields the first input before walking the rest of a large folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'discover-'));
    for (let i = 0; i < 50; i++) {
      mkdirSync(join(root, `d${String(i).padStart(2, '0')}`));
      writeFileSync(join(root, `d${String(i).padStart(2, '0')}`, 'r.pdf'), 'x');
    }
    const gen = discoverInputs([root]);
    const first = await gen.next();
    expect(first.value?.relPath).toBe('d00/r.pdf');
    await gen.return(undefined);
  });
});
