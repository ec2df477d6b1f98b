/**
 * The columns of the two tables an evaluation writes (spec §4: achievements.csv and
 * participants.csv), in their order, with what each holds. The CSV files are written by the
 * engine's SQL; everything that shows the same tables another way — XLSX, a CSV for people,
 * the API's export — takes its columns and their kinds from here, so the column list cannot
 * drift between formats (test/xlsx-writer.test.ts compares it with examples/tiny/expected).
 */

/**
 * What a column holds, which decides its cell in a spreadsheet: `text` stays text (ids keep
 * their zeros), `money` is a two-decimal amount, `day` a YYYY-MM-DD day, `flag` true/false,
 * `count` a whole number.
 */
export type ColumnKind = 'text' | 'money' | 'day' | 'flag' | 'count';

export interface OutputColumn {
  readonly name: string;
  readonly kind: ColumnKind;
}

export const ACHIEVEMENT_COLUMNS: readonly OutputColumn[] = [
  { name: 'participant_id', kind: 'text' },
  { name: 'provider_id', kind: 'text' },
  { name: 'segment', kind: 'text' },
  { name: 'outcome_id', kind: 'text' },
  { name: 'achieved_on', kind: 'day' },
  { name: 'version', kind: 'text' },
  { name: 'price', kind: 'money' },
  { name: 'amount', kind: 'money' },
  { name: 'status', kind: 'text' },
];

export const PARTICIPANT_COLUMNS: readonly OutputColumn[] = [
  { name: 'participant_id', kind: 'text' },
  { name: 'eligible', kind: 'flag' },
  { name: 'reason', kind: 'text' },
  { name: 'segment', kind: 'text' },
  { name: 'total_amount', kind: 'money' },
];

/** The output tables by the name of their CSV file, without the extension. */
export const OUTPUT_TABLES = {
  achievements: ACHIEVEMENT_COLUMNS,
  participants: PARTICIPANT_COLUMNS,
} as const satisfies Record<string, readonly OutputColumn[]>;

export type OutputTable = keyof typeof OUTPUT_TABLES;
