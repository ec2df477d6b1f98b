/**
 * The output options of `resulta evaluate`: `--format csv|xlsx|both`, `--csv-bom`,
 * `--csv-delimiter , | ;` (docs/outputs.md). Without them the outputs are the machine files,
 * byte for byte as before; the spreadsheet code is loaded only when one is asked for.
 */
import { Option } from 'commander';
import { ProblemsError, problem } from '../domain/problem.js';
import type { CsvDelimiter } from '../files/csv-writer.js';
import type { OutputFormat, PeopleOutputs } from '../files/people-outputs.js';
import { t } from './lang.js';

export interface OutputOptions {
  format: string;
  csvBom?: boolean;
  csvDelimiter?: string;
}

/** Each added to the command with `.addOption(…)`. */
export const FORMAT_OPTION = new Option('--format <format>', t('output.option.format')).default(
  'csv',
);
export const CSV_BOM_OPTION = new Option('--csv-bom', t('output.option.csv_bom'));
export const CSV_DELIMITER_OPTION = new Option(
  '--csv-delimiter <delimiter>',
  t('output.option.csv_delimiter'),
);

const FORMATS: readonly string[] = ['csv', 'xlsx', 'both'];
const DELIMITERS: readonly string[] = [',', ';'];

/** What was asked for, checked before any work; ProblemsError names the option at fault. */
export function readOutputOptions(options: OutputOptions): PeopleOutputs {
  const format = options.format;
  if (!FORMATS.includes(format))
    throw new ProblemsError([problem('output.option.bad_format', { value: format })]);
  const delimiter = options.csvDelimiter ?? ',';
  if (!DELIMITERS.includes(delimiter))
    throw new ProblemsError([problem('output.option.bad_delimiter', { value: delimiter })]);
  const forPeople = options.csvBom === true || options.csvDelimiter !== undefined;
  if (forPeople && format === 'xlsx')
    throw new ProblemsError([problem('output.option.csv_without_csv')]);
  return {
    format: format as OutputFormat,
    ...(forPeople
      ? { csv: { bom: options.csvBom === true, delimiter: delimiter as CsvDelimiter } }
      : {}),
  };
}

/** Turns the engine's files in `folder` into what was asked for; nothing to do by default. */
export async function shapeOutputs(folder: string, wanted: PeopleOutputs): Promise<void> {
  if (wanted.format === 'csv' && wanted.csv === undefined) return;
  const { writePeopleOutputs } = await import('../files/people-outputs.js');
  await writePeopleOutputs(folder, wanted);
}
