/**
 * The status of an achievement after the cap pass (spec §4, achievements.csv), kept as a
 * small integer in the pass's typed arrays and named only in outputs.
 */
export const STATUSES = [
  'paid',
  'partially_capped',
  'capped_volume',
  'capped_participant',
  'capped_total',
  'out_of_period',
] as const;
export type Status = (typeof STATUSES)[number];

export const PAID = 0;
export const PARTIAL = 1;
export const CAPPED_VOLUME = 2;
export const CAPPED_PARTICIPANT = 3;
export const CAPPED_TOTAL = 4;
export const OUT_OF_PERIOD = 5;

/** `cutBy` of an achievement no cap cut. */
export const NOT_CUT = 255;

export function statusName(index: number): Status {
  return STATUSES[index] as Status;
}
