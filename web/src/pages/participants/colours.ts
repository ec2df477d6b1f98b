/**
 * Colours of status words on badges: dark enough that small capitals keep a contrast of at
 * least 4.5:1 on white and on striped rows (WCAG AA). Mantine's own green and orange, even
 * at shade 9, fall just short.
 */
export const COLOURS = {
  green: '#1b5e20',
  orange: '#9a3412',
  red: '#b71c1c',
  blue: '#0b4f8a',
  grey: '#343a40',
} as const;
