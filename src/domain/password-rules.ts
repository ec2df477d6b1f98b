/**
 * What a password chosen by a person must be (NIST SP 800-63B: length matters, composition
 * rules do not): at least 12 characters, at most 1,000 (what sign-in reads), not built
 * around the person's own e-mail address, and not one of the passwords every guesser tries
 * first. Characters are counted as a person counts them (code points), so "contraseña"
 * is 10 long. Returns every problem, each from the catalogue.
 *
 * @example passwordProblems('short', 'ana@example.org')
 *   // [{ code: 'admin.password.short', params: { min: 12 }, … }]
 */
import { type Problem, problem } from './problem.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1000;

/** The part of an e-mail before the @ is too guessable to build a password on once it is this long. */
const MIN_LOCAL_PART = 4;

/** Passwords of 12 characters or more that lists of leaked passwords rank first. */
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789123',
  'qwertyuiopas',
  'qwerty123456',
  '1q2w3e4r5t6y',
  'password1234',
  'password123!',
  'passwordpassword',
  'contraseña123',
  'contrasena123',
  'motdepasse123',
  'iloveyou1234',
  'abcdefghijkl',
  'azertyuiopqs',
  'administrator',
  'administrador',
  'administrateur',
  'resultaresulta',
  'welcome12345',
  'bienvenido123',
  'bienvenue1234',
]);

export function passwordProblems(password: string, email: string): Problem[] {
  const length = [...password].length;
  const problems: Problem[] = [];
  if (length < PASSWORD_MIN_LENGTH)
    problems.push(problem('admin.password.short', { min: PASSWORD_MIN_LENGTH }));
  if (length > PASSWORD_MAX_LENGTH)
    problems.push(problem('admin.password.long', { max: PASSWORD_MAX_LENGTH }));
  const lower = password.toLowerCase();
  const localPart = email.toLowerCase().split('@')[0] ?? '';
  if (localPart.length >= MIN_LOCAL_PART && lower.includes(localPart))
    problems.push(problem('admin.password.email'));
  else if (COMMON.has(lower) || new Set(lower).size === 1)
    problems.push(problem('admin.password.common'));
  return problems;
}
