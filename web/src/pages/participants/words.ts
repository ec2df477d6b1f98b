/** The catalogue's words for what the engine and the API name by code. */
import type { MessageCode } from '../../../../src/domain/messages/catalogue.js';
import { COLOURS } from './colours.js';
import type { StatusFilter } from './queries.js';

/** An achievement's status (spec §3.11), as a programme officer says it. */
export function statusWord(status: string): MessageCode {
  switch (status) {
    case 'paid':
      return 'web.participants.status.paid';
    case 'partially_capped':
      return 'web.participants.status.partially_capped';
    case 'capped_volume':
      return 'web.participants.status.capped_volume';
    case 'capped_participant':
      return 'web.participants.status.capped_participant';
    case 'capped_total':
      return 'web.participants.status.capped_total';
    case 'out_of_period':
      return 'web.participants.status.out_of_period';
    default:
      return 'web.participants.status.not_achieved';
  }
}

/** The colour of a status: paid green, cut by a cap orange, nothing paid red or grey. */
export function statusColour(status: string): string {
  if (status === 'paid') return COLOURS.green;
  if (status === 'partially_capped') return COLOURS.orange;
  if (status.startsWith('capped_')) return COLOURS.red;
  return COLOURS.grey;
}

export function statusFilterWord(filter: StatusFilter): MessageCode {
  switch (filter) {
    case 'achieved':
      return 'web.participants.filter.status.achieved';
    case 'not_achieved':
      return 'web.participants.filter.status.not_achieved';
    case 'capped':
      return 'web.participants.filter.status.capped';
    default:
      return statusWord(filter);
  }
}

export function capWord(cap: 'volume' | 'participant' | 'total'): MessageCode {
  return `web.participants.cap.${cap}`;
}
