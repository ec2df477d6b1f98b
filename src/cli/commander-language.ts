/**
 * Commander in the command line's language: the help page's headings and placeholders, the
 * help option and command, the "(default: …)" after an option, and the errors commander
 * prints itself (an unknown option, a missing argument). Set on the program before any
 * command is added: commander copies these settings to each command it creates.
 *
 * Commander has no catalogue of its own, so its errors are recognised by their English
 * shape; one it adds later passes through in English rather than being lost.
 */
import { type Argument, type Command, Help, type Option } from 'commander';
import type { MessageCode } from '../domain/messages/catalogue.js';
import { t } from './lang.js';

const TITLES: Readonly<Record<string, MessageCode>> = {
  'Usage:': 'cli.help.usage',
  'Arguments:': 'cli.help.arguments',
  'Options:': 'cli.help.options',
  'Global Options:': 'cli.help.global_options',
  'Commands:': 'cli.help.commands',
};

export function speakInLanguage(program: Command): Command {
  return program
    .helpOption('-h, --help', t('cli.option.help'))
    .helpCommand('help [command]', t('cli.command.help'))
    .configureHelp({
      // A command's help lists --lang too: it works after the command's name as well.
      showGlobalOptions: true,
      styleTitle: (title) => {
        const code = TITLES[title];
        return code ? t(code) : title;
      },
      commandUsage: (command) => placeholders(new Help().commandUsage(command)),
      subcommandTerm: (command) => placeholders(new Help().subcommandTerm(command)),
      optionDescription: (option) => described(option.description, optionNotes(option)),
      argumentDescription: (argument) => described(argument.description, argumentNotes(argument)),
    })
    .configureOutput({ outputError: (text, write) => write(commanderError(text)) });
}

/** `[options]` and `[command]` in usage lines; argument names stay as the code names them. */
function placeholders(usage: string): string {
  return usage
    .replace('[options]', t('cli.help.options_placeholder'))
    .replace('[command]', t('cli.help.command_placeholder'));
}

function described(description: string, notes: string[]): string {
  if (notes.length === 0) return description;
  const extra = `(${notes.join(', ')})`;
  return description ? `${description} ${extra}` : extra;
}

/** As commander's own Help.optionDescription, in the language. */
function optionNotes(option: Option): string[] {
  const notes = choices(option.argChoices);
  const showDefault =
    option.required ||
    option.optional ||
    (option.isBoolean() && typeof option.defaultValue === 'boolean');
  if (option.defaultValue !== undefined && showDefault) {
    const value = option.defaultValueDescription ?? JSON.stringify(option.defaultValue);
    notes.push(t('cli.help.default', { value }));
  }
  if (option.envVar !== undefined) notes.push(`env: ${option.envVar}`);
  return notes;
}

function argumentNotes(argument: Argument): string[] {
  const notes = choices(argument.argChoices);
  if (argument.defaultValue !== undefined) {
    const value = argument.defaultValueDescription ?? JSON.stringify(argument.defaultValue);
    notes.push(t('cli.help.default', { value }));
  }
  return notes;
}

function choices(values: readonly string[] | undefined): string[] {
  if (!values) return [];
  return [t('cli.help.choices', { values: values.map((v) => JSON.stringify(v)).join(', ') })];
}

/** Commander's error text in the language; unknown shapes pass through unchanged. */
export function commanderError(text: string): string {
  const [first = '', ...rest] = text.replace(/\n$/, '').split('\n');
  const suggestion = /^\(Did you mean (?:one of )?(.+)\?\)$/.exec(rest.join('\n'))?.[1];
  const line = firstLine(first);
  if (line === null) return text;
  const hint = suggestion ? `\n${t('cli.error.did_you_mean', { names: suggestion })}` : '';
  return `${line}${hint}\n`;
}

function firstLine(text: string): string | null {
  let m = /^error: unknown option ('.+')$/.exec(text);
  if (m?.[1]) return t('cli.error.unknown_option', { option: m[1] });
  m = /^error: unknown command ('.+')$/.exec(text);
  if (m?.[1]) return t('cli.error.unknown_command', { command: m[1] });
  m = /^error: required option ('.+') not specified$/.exec(text);
  if (m?.[1]) return t('cli.error.required_option', { option: m[1] });
  m = /^error: missing required argument ('.+')$/.exec(text);
  if (m?.[1]) return t('cli.error.missing_argument', { argument: m[1] });
  m = /^error: option ('.+') argument missing$/.exec(text);
  if (m?.[1]) return t('cli.error.option_value_missing', { option: m[1] });
  m = /^error: too many arguments(?: for '.+')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(
    text,
  );
  if (m?.[1] && m[2]) {
    return t('cli.error.too_many_arguments', { expected: Number(m[1]), got: Number(m[2]) });
  }
  m = /^error: option ('.+') argument ('.*') is invalid\. Allowed choices are (.+)\.$/.exec(text);
  if (m?.[1] && m[2] && m[3]) {
    return t('cli.error.invalid_choice', { option: m[1], value: m[2], choices: m[3] });
  }
  return null;
}
