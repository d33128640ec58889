// The public JSON contract (SCHEMA.md, schema version 1). This file is its single source of truth in code;
// `gongkai dataset` exports it as JSON Schema. Change it only with a version bump and a README note.
import { z } from 'zod';

import { SCHEMA_VERSION } from './version.js';

export { SCHEMA_VERSION };

/** A template number: a JSON number, or null when the cell is blank, "—", "/", "无" or unreadable. */
const num = z.number().nullable();

const columns = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, num])) as Record<K, typeof num>);

// ── data.proactive ── 二、主动公开政府信息情况
const issuedRepealedInForce = columns(['issued', 'repealed', 'inForce'] as const);
export const Proactive2021 = z.strictObject({
  template: z.literal('2021'),
  regulations: issuedRepealedInForce,
  normativeDocuments: issuedRepealedInForce,
  licensing: columns(['decisions'] as const),
  penalties: columns(['decisions'] as const),
  coercion: columns(['decisions'] as const),
  fees: columns(['amountWan'] as const),
});

const madePublished = columns(['made', 'published', 'totalPublished'] as const);
const previousChangeDecisions = columns(['previousYear', 'change', 'decisions'] as const);
export const Proactive2019 = z.strictObject({
  template: z.literal('2019'),
  regulations: madePublished,
  normativeDocuments: madePublished,
  licensing: previousChangeDecisions,
  otherServices: previousChangeDecisions,
  penalties: previousChangeDecisions,
  coercion: previousChangeDecisions,
  fees: columns(['previousYear', 'change'] as const),
  procurement: columns(['projects', 'amountYuan'] as const),
});

export const Proactive = z.discriminatedUnion('template', [Proactive2021, Proactive2019]);

// ── data.requests ── 三、收到和处理政府信息公开申请情况
export const APPLICANT_KEYS = ['naturalPerson', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'] as const;
export type ApplicantKey = (typeof APPLICANT_KEYS)[number];
const applicantRow = columns(APPLICANT_KEYS);

const requestsCommon = {
  newReceived: applicantRow,
  carriedOver: applicantRow,
  disclosed: applicantRow,
  partlyDisclosed: applicantRow,
  withheld: z.strictObject({
    stateSecret: applicantRow,
    lawProhibited: applicantRow,
    securityStability: applicantRow,
    thirdPartyRights: applicantRow,
    internalAffairs: applicantRow,
    processInformation: applicantRow,
    enforcementFiles: applicantRow,
    administrativeQuery: applicantRow,
  }),
  unavailable: z.strictObject({
    notHeld: applicantRow,
    needsCreation: applicantRow,
    unclearAfterCorrection: applicantRow,
  }),
  notProcessed: z.strictObject({
    complaint: applicantRow,
    duplicate: applicantRow,
    publication: applicantRow,
    excessive: applicantRow,
    confirmation: applicantRow,
  }),
  total: applicantRow,
  carriedForward: applicantRow,
};

export const Requests2021 = z.strictObject({
  template: z.literal('2021'),
  ...requestsCommon,
  otherHandling: z.strictObject({ overdueCorrection: applicantRow, overdueFee: applicantRow, other: applicantRow }),
});
export const Requests2019 = z.strictObject({
  template: z.literal('2019'),
  ...requestsCommon,
  otherHandling: z.strictObject({ all: applicantRow }),
});
export const Requests = z.discriminatedUnion('template', [Requests2021, Requests2019]);

// ── data.appeals ── 四、政府信息公开行政复议、行政诉讼情况
export const APPEAL_RESULT_KEYS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export const APPEAL_GROUP_KEYS = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const;
const appealGroup = columns(APPEAL_RESULT_KEYS);
export const Appeals = z.strictObject({
  reconsideration: appealGroup,
  litigationDirect: appealGroup,
  litigationAfterReconsideration: appealGroup,
});

// ── the rest of the report ──
export const ProvenanceEntry = z.strictObject({
  page: z.number().int().positive().optional(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  path: z.string().optional(),
  table: z.number().int().nonnegative(),
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
});

export const Subsection = z.strictObject({ no: z.number().int(), title: z.string(), text: z.string() });
export const Section = z.strictObject({
  no: z.number().int(),
  title: z.string(),
  text: z.string(),
  subsections: z.array(Subsection),
});

export const TableOut = z.strictObject({
  page: z.number().int().positive().nullable(),
  /** The section (一=1 … 六=6) the table sits in, or null before the first section heading. */
  section: z.number().int().nullable(),
  rows: z.array(z.array(z.string())),
  spans: z.array(z.strictObject({ row: z.number().int(), col: z.number().int(), rowSpan: z.number().int(), colSpan: z.number().int() })),
});

export const Check = z.strictObject({
  id: z.string(),
  ok: z.boolean().nullable(),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  message: z.string(),
});

export const Warning = z.strictObject({ code: z.string(), message: z.string(), path: z.string().nullable() });

export const Status = z.enum(['ok', 'partial', 'failed']);
export const TemplateKind = z.enum(['2021', '2019', 'mixed', 'none']);

export const Report = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  generator: z.strictObject({ name: z.literal('gongkai'), version: z.string() }),
  status: Status,
  error: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
  source: z.strictObject({
    path: z.string().nullable(),
    url: z.string().nullable(),
    format: z.string(),
    sha256: z.string(),
    bytes: z.number().int().nonnegative(),
    pages: z.number().int().nonnegative().nullable(),
  }),
  report: z.strictObject({
    title: z.string().nullable(),
    agency: z.string().nullable(),
    year: z.number().int().nullable(),
    template: TemplateKind,
  }),
  sections: z.array(Section),
  tables: z.array(TableOut),
  data: z.strictObject({ proactive: Proactive.nullable(), requests: Requests.nullable(), appeals: Appeals.nullable() }),
  checks: z.array(Check),
  warnings: z.array(Warning),
  /** Keyed by the value's path, e.g. "data.requests.newReceived.total". */
  provenance: z.record(z.string(), ProvenanceEntry),
});

export type Report = z.infer<typeof Report>;
export type Proactive = z.infer<typeof Proactive>;
export type Requests = z.infer<typeof Requests>;
export type Appeals = z.infer<typeof Appeals>;
export type Section = z.infer<typeof Section>;
export type TableOut = z.infer<typeof TableOut>;
export type Check = z.infer<typeof Check>;
export type Warning = z.infer<typeof Warning>;
export type ProvenanceEntry = z.infer<typeof ProvenanceEntry>;
export type Status = z.infer<typeof Status>;

/** The JSON Schema shipped with the dataset (schema.json). */
export function reportJsonSchema(): unknown {
  return z.toJSONSchema(Report, { io: 'output' });
}
