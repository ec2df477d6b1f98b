/** Route guards pages put in their beforeLoad. */
import { redirect } from '@tanstack/react-router';
import { mayGo, type Task } from './navigation.js';
import type { Session } from './session.js';

/**
 * Away to the start page when the signed-in role may not see the task (as the API would
 * refuse it). The session is in the route context, put there by the app layout's guard.
 */
export function requireTask(task: Task) {
  return ({ context }: { readonly context: unknown }) => {
    const session = (context as { session?: Session | null }).session;
    if (!session || !mayGo(session.role, task)) throw redirect({ to: '/app' });
  };
}
