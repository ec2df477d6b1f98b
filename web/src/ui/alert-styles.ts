/**
 * Alert titles in the text colour: Mantine's light alerts draw their title in shade 9 of
 * their colour, which on the light background falls short of 4.5:1 for green and yellow.
 */
export const READABLE_TITLE = { title: { color: 'var(--mantine-color-text)' } } as const;
