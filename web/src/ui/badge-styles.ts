/**
 * Badges that show their whole word: Mantine cuts a badge's label with an ellipsis when
 * its column is narrow ("ACT…"), which hides the very word the badge is there to say.
 */
export const WHOLE_BADGE = {
  root: { maxWidth: 'none', height: 'auto', minHeight: 'var(--badge-height)' },
  label: { overflow: 'visible', whiteSpace: 'normal' },
} as const;
