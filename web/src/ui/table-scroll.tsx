/**
 * A wide table in its own horizontal scroll, as on a tablet: the scrolling region can take
 * the keyboard's focus (so it scrolls with the arrow keys) and is named after its table.
 */
import { ScrollArea } from '@mantine/core';
import type { ReactNode } from 'react';

export function TableScroll({
  label,
  children,
}: {
  readonly label: string;
  readonly children: ReactNode;
}) {
  return (
    <ScrollArea type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': label }}>
      {children}
    </ScrollArea>
  );
}
