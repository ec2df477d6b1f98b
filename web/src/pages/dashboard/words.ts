/** Names the dashboard shows for what the contract names by id. */
import type { Messages } from '../../i18n/use-messages.js';

/** A segment's contract id as is; participants in none are "No segment". */
export function segmentName(id: string, t: Messages['t']): string {
  return id === '' ? t('web.dashboard.no_segment') : id;
}
