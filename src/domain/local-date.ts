/**
 * Calendar days and months without time zones: `LocalDate` is `YYYY-MM-DD`, a month is an
 * integer index (year × 12 + month − 1) so month arithmetic is plain addition.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_SHAPE = /^(\d{4})-(\d{2})$/;

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses `YYYY-MM-DD`; null when the text is not a real day between 1900 and 2100. */
export function parseLocalDate(text: string): LocalDate | null {
  const m = DATE_SHAPE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return text as LocalDate;
}

export function parts(date: LocalDate): { year: number; month: number; day: number } {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

/** Days since 1970-01-01 (proleptic Gregorian), for day arithmetic. */
export function toDayNumber(date: LocalDate): number {
  const { year, month, day } = parts(date);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

export function fromDayNumber(dayNumber: number): LocalDate {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10) as LocalDate;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function monthIndex(date: LocalDate): number {
  const { year, month } = parts(date);
  return year * 12 + month - 1;
}

/** Parses `YYYY-MM` into a month index; null when malformed or outside 1900–2100. */
export function parseMonth(text: string): number | null {
  const m = MONTH_SHAPE.exec(text);
  if (!m) return null;
  const [year, month] = [Number(m[1]), Number(m[2])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return null;
  return year * 12 + month - 1;
}

export function formatMonth(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function monthEnd(index: number): LocalDate {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${formatMonth(index)}-${String(daysInMonth(year, month)).padStart(2, '0')}` as LocalDate;
}

/** The last month whose last day is on or before `date` (a month counts only once complete). */
export function lastCompleteMonth(date: LocalDate): number {
  const index = monthIndex(date);
  return monthEnd(index) === date ? index : index - 1;
}

/**
 * Whole years from `birth` to `on`. Comparing (month, day) pairs makes a 29 February
 * birthday fall on 1 March in other years, as the spec requires.
 */
export function wholeYearsBetween(birth: LocalDate, on: LocalDate): number {
  const b = parts(birth);
  const o = parts(on);
  const beforeBirthday = o.month * 100 + o.day < b.month * 100 + b.day;
  return o.year - b.year - (beforeBirthday ? 1 : 0);
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
