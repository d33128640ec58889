// The data value paths of both templates, derived from the zod schema (never a hand-written list), in a fixed
// order: proactive, requests, appeals; within a part the 2021 template's keys in schema order, then the keys
// only the 2019 template has. "requests.withheld.stateSecret.naturalPerson", "proactive.licensing.decisions", …
import type { z } from 'zod';
import { Appeals, Proactive, Requests } from '../schema/report.js';

export type DataPart = 'proactive' | 'requests' | 'appeals';

export interface ValuePath {
  /** "requests.withheld.stateSecret.naturalPerson": the path under `data`, used as the CSV column name. */
  name: string;
  part: DataPart;
  /** Keys below the part: ["withheld", "stateSecret", "naturalPerson"]. */
  keys: string[];
}

interface Introspectable {
  def: { type: string };
  shape?: Record<string, Introspectable>;
  options?: Introspectable[];
  unwrap?: () => Introspectable;
}

const PARTS: [DataPart, z.ZodType][] = [['proactive', Proactive], ['requests', Requests], ['appeals', Appeals]];

let cached: ValuePath[] | undefined;

export function dataValuePaths(): ValuePath[] {
  if (cached) return cached;
  const seen = new Set<string>();
  const paths: ValuePath[] = [];
  for (const [part, schema] of PARTS) {
    for (const keys of leafKeys(schema as unknown as Introspectable, [])) {
      const name = [part, ...keys].join('.');
      if (seen.has(name)) continue;
      seen.add(name);
      paths.push({ name, part, keys });
    }
  }
  cached = paths;
  return paths;
}

const byTemplate = new Map<string, ValuePath[]>();

/**
 * The value paths of one part as one template orders them (the 2019 template's own row order for a 2019
 * table), for values.csv. `template` is the part's `template` key; appeals have none.
 */
export function partValuePaths(part: DataPart, template: string | undefined): ValuePath[] {
  const key = `${part}:${template ?? ''}`;
  let paths = byTemplate.get(key);
  if (!paths) {
    const schema = PARTS.find(([p]) => p === part)![1] as unknown as Introspectable;
    const option = schema.options?.find((o) => (o.shape?.template as { def: { values?: unknown[] } } | undefined)?.def.values?.includes(template));
    paths = leafKeys(option ?? schema, []).map((keys) => ({ name: [part, ...keys].join('.'), part, keys }));
    byTemplate.set(key, paths);
  }
  return paths;
}

/** Every path to a number leaf; union options in order (2021 first in the schema); template literals skipped. */
function leafKeys(schema: Introspectable, prefix: string[]): string[][] {
  switch (schema.def.type) {
    case 'nullable':
      return leafKeys(schema.unwrap!(), prefix);
    case 'union':
      return schema.options!.flatMap((option) => leafKeys(option, prefix));
    case 'object':
      return Object.entries(schema.shape!).flatMap(([key, child]) => leafKeys(child, [...prefix, key]));
    case 'number':
      return [prefix];
    default:
      return []; // the "template" literal: reported as report.template, not a value
  }
}

/** The value at a path of a report's data: a number, null (printed blank/unreadable), or undefined (absent). */
export function valueAt(data: Record<string, unknown>, path: ValuePath): number | null | undefined {
  let node: unknown = data[path.part];
  for (const key of path.keys) {
    if (node === null || node === undefined || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  if (node === null) return null;
  return typeof node === 'number' ? node : undefined;
}
