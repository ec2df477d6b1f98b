/**
 * The app's tasks, where each lives and who may go there: the same roles as the API's
 * routes (src/api/routes/*), so nobody is shown a page the API would refuse. The shell's
 * navigation and each page's guard read this table.
 */
import type { MessageCode } from '../../../src/domain/messages/catalogue.js';
import type { Role } from './session.js';

export type Task =
  | 'dashboard'
  | 'participants'
  | 'contracts'
  | 'imports'
  | 'runs'
  | 'bills'
  | 'admin';

export interface TaskEntry {
  readonly task: Task;
  readonly label: MessageCode;
  /** Under /app/programmes/$programme/ unless `global`. */
  readonly segment: string;
  readonly roles: readonly Role[];
  readonly global?: boolean;
}

const EVERY_ROLE: readonly Role[] = ['funder', 'provider', 'verifier', 'investor'];

export const TASKS: readonly TaskEntry[] = [
  { task: 'dashboard', label: 'web.nav.dashboard', segment: 'dashboard', roles: EVERY_ROLE },
  {
    task: 'participants',
    label: 'web.nav.participants',
    segment: 'participants',
    roles: ['funder', 'provider', 'verifier'],
  },
  { task: 'contracts', label: 'web.nav.contracts', segment: 'contract', roles: EVERY_ROLE },
  {
    task: 'imports',
    label: 'web.nav.imports',
    segment: 'imports',
    roles: ['funder', 'provider', 'verifier'],
  },
  { task: 'runs', label: 'web.nav.runs', segment: 'runs', roles: ['funder', 'verifier'] },
  { task: 'bills', label: 'web.nav.bills', segment: 'bills', roles: ['funder', 'verifier'] },
  { task: 'admin', label: 'web.nav.admin', segment: 'admin', roles: ['funder'], global: true },
];

export function taskEntry(task: Task): TaskEntry {
  const entry = TASKS.find((t) => t.task === task);
  if (!entry) throw new Error(`no task ${task}`);
  return entry;
}

export function mayGo(role: Role, task: Task): boolean {
  return taskEntry(task).roles.includes(role);
}

/** The address of a task, in a programme unless the task is global. */
export function taskPath(task: Task, programme: string | undefined): string {
  const entry = taskEntry(task);
  if (entry.global || programme === undefined) return `/app/${entry.segment}`;
  return `/app/programmes/${encodeURIComponent(programme)}/${entry.segment}`;
}
