/**
 * The options every command that evaluates shares: contract, inputs, as-of day, and how the
 * user's files are written (separator, decimal mark, encoding, column mapping, sheets); and
 * what those commands say of how they read the files and of what the inputs lacked.
 */
import type { Command } from 'commander';
import { parseLocalDate } from '../domain/local-date.js';
import { isMessageCode } from '../domain/messages/catalogue.js';
import type { Params } from '../domain/messages/render.js';
import { type Problem, ProblemsError, problem } from '../domain/problem.js';
import type { SummaryWarning } from '../domain/summary.js';
import type { EvaluationRequest, EvaluationResult } from '../engine/evaluate.js';
import type { InputReading } from '../engine/snapshot/input-reading.js';
import type { InputRole } from '../engine/snapshot/input-tables.js';
import { t } from './lang.js';

export interface RunOptions {
  contract: string;
  participants: string;
  events: string;
  employment?: string;
  asOf: string;
  delimiter?: string;
  decimal?: string;
  encoding?: string;
  columns?: string;
  sheet?: string[];
}

export function runOptions(command: Command): Command {
  return command
    .requiredOption('--contract <file>', t('cli.run.option.contract'))
    .requiredOption('--participants <file>', t('cli.run.option.participants'))
    .requiredOption('--events <file>', t('cli.run.option.events'))
    .option('--employment <file>', t('input.option.employment'))
    .requiredOption('--as-of <YYYY-MM-DD>', t('cli.run.option.as_of'))
    .option('--delimiter <, | ; | tab>', t('input.option.delimiter'))
    .option('--decimal <. | ,>', t('input.option.decimal'))
    .option('--encoding <utf8 | latin1>', t('input.option.encoding'))
    .option('--columns <mapping.yaml>', t('input.option.columns'))
    .option('--sheet <name>', t('input.option.sheet'), (value: string, all: string[] = []) => [
      ...all,
      value,
    ]);
}

export async function readRunOptions(options: RunOptions): Promise<EvaluationRequest> {
  const asOf = parseLocalDate(options.asOf);
  if (!asOf) {
    throw new ProblemsError([
      { code: 'cli.as_of', message: `--as-of "${options.asOf}" must be a real day, YYYY-MM-DD` },
    ]);
  }
  const reading = await readInputReading(options);
  // Imported here so that registering the options (every start, even --help) loads no YAML parser.
  const { readContractFile } = await import('./read-contract-file.js');
  const { contract, sha256 } = await readContractFile(options.contract);
  const input = (path: string) => ({ path, file: path });
  return {
    contract,
    contractSha256: sha256,
    asOf,
    inputs: {
      participants: input(options.participants),
      events: input(options.events),
      ...(options.employment ? { employment: input(options.employment) } : {}),
    },
    reading,
  };
}

const ROLES: readonly InputRole[] = ['participants', 'events', 'employment'];

/** How the user's files are written, from the options; every bad option at once. */
async function readInputReading(options: RunOptions): Promise<InputReading> {
  const problems: Problem[] = [];
  const reading: {
    -readonly [K in keyof InputReading]: InputReading[K];
  } = {};
  const { delimiter, decimal, encoding } = options;
  if (delimiter !== undefined) {
    const named = { ',': ',', ';': ';', tab: '\t', '\\t': '\t', '\t': '\t' } as const;
    const value = named[delimiter.toLowerCase() as keyof typeof named];
    if (value) reading.delimiter = value;
    else problems.push(problem('input.option.bad_delimiter', { value: delimiter }));
  }
  if (decimal !== undefined) {
    if (decimal === '.' || decimal === ',') reading.decimal = decimal;
    else problems.push(problem('input.option.bad_decimal', { value: decimal }));
  }
  if (encoding !== undefined) {
    const name = encoding.toLowerCase().replace(/[-_]/g, '');
    if (['utf8'].includes(name)) reading.encoding = 'utf8';
    else if (['latin1', 'iso88591', 'windows1252', 'cp1252'].includes(name))
      reading.encoding = 'latin1';
    else problems.push(problem('input.option.bad_encoding', { value: encoding }));
  }
  const sheets = readSheets(options.sheet ?? [], problems);
  if (sheets) reading.sheets = sheets;
  if (options.columns !== undefined) {
    const mapping = await readMapping(options.columns);
    if (mapping.problems) problems.push(...mapping.problems);
    else reading.columns = mapping.mapping;
  }
  if (problems.length > 0) throw new ProblemsError(problems);
  return reading;
}

/** `--sheet NAME` for every XLSX input, `--sheet TABLE=NAME` for one (the later wins). */
function readSheets(values: readonly string[], problems: Problem[]): InputReading['sheets'] {
  if (values.length === 0) return undefined;
  const sheets: Partial<Record<InputRole, string>> = {};
  for (const value of values) {
    const [table, ...rest] = value.split('=');
    const role = ROLES.find((r) => r === table?.trim().toLowerCase());
    if (rest.length > 0 && role) sheets[role] = rest.join('=');
    else if (rest.length > 0 && /^\w+$/.test(table?.trim() ?? ''))
      problems.push(problem('input.option.bad_sheet', { value, tables: ROLES.join(', ') }));
    else for (const r of ROLES) sheets[r] = value;
  }
  return sheets;
}

async function readMapping(path: string) {
  const [{ readFile }, { parseColumnMapping }] = await Promise.all([
    import('node:fs/promises'),
    import('../engine/snapshot/column-mapping.js'),
  ]);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const reason = error instanceof Error ? error.message : String(error);
    return {
      problems: [
        missing
          ? problem('input.mapping.missing', {}, { file: path })
          : problem('input.mapping.unreadable', { reason }, { file: path }),
      ],
    };
  }
  return parseColumnMapping(text, path);
}

/**
 * What a command says before its own output, in the command line's language: how each CSV
 * input was read when it was not the plain `,` and `.` in UTF-8 (`read`), and every warning
 * about the inputs (`warnings`), one line each.
 */
export function readingNotes(result: Pick<EvaluationResult, 'layouts' | 'summary'>): {
  read: string[];
  warnings: string[];
} {
  const read: string[] = [];
  for (const { file, layout } of result.layouts) {
    const delimiter = layout.delimiter === '\t' ? 'tab' : layout.delimiter;
    if (layout.encoding === 'latin1') read.push(t('input.note.latin1', { file }));
    if (layout.decimal === ',')
      read.push(t('input.note.read_as_decimal_comma', { file, delimiter }));
    else if (layout.delimiter !== ',') read.push(t('input.note.read_as', { file, delimiter }));
  }
  const warnings = (result.summary.warnings ?? []).map((w) =>
    t('input.note.warning', { message: warningText(w) }),
  );
  return { read, warnings };
}

function warningText(w: SummaryWarning): string {
  return isMessageCode(w.code) ? t(w.code, w.params as Params) : w.message;
}
