// Output file names (SCHEMA.md "Output files"): DIR/<relPath>.json, where relPath keeps the sub-folder under a
// folder given as input. Two inputs that still collide get "-2", "-3" … in input order, inserted before ".json":
// a/x.pdf and b/x.pdf → x.pdf.json and x.pdf-2.json, so the name still starts with the input's full name.

export const MANIFEST_NAME = 'manifest.jsonl';

export class OutputNamer {
  /** Lower-cased names already given out, so that case-insensitive file systems cannot merge two outputs. */
  private readonly taken = new Set<string>();
  /** Names that earlier runs gave to a path: kept stable so that a rerun rewrites the same file. */
  private readonly previous = new Map<string, string>();

  /** `previous`: path → output from an earlier manifest. Those names stay reserved for their paths. */
  constructor(previous: Iterable<[path: string, output: string]> = []) {
    for (const [path, output] of previous) {
      this.previous.set(path, output);
      this.taken.add(key(output));
    }
    this.taken.add(key(MANIFEST_NAME));
  }

  /** The output name (relative to DIR, "/"-separated) for an input; call once per input, in input order. */
  nameFor(path: string, relPath: string): string {
    const earlier = this.previous.get(path);
    if (earlier !== undefined) {
      this.previous.delete(path); // the same path given twice in one run gets a fresh name the second time
      return earlier;
    }
    const base = relPath.split(/[\\/]/).filter((p) => p && p !== '.' && p !== '..').join('/') || 'input';
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? `${base}.json` : `${base}-${n}.json`;
      if (!this.taken.has(key(candidate))) {
        this.taken.add(key(candidate));
        return candidate;
      }
    }
  }
}

const key = (name: string) => name.toLowerCase();
