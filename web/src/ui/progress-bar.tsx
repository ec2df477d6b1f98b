/**
 * A progress bar that says what it measures and how far it is in words ("3 of 11 steps
 * done", "Sending the file: 40%"), not only a percentage: Mantine's bar with its ARIA
 * progressbar attributes set here, since its own announce the percentage only.
 */
import { Progress } from '@mantine/core';

export function ProgressBar({
  value,
  label,
  valueText,
  moving = false,
  size = 'md',
  testId,
}: {
  /** 0 to 100. */
  readonly value: number;
  readonly label: string;
  readonly valueText?: string;
  /** Striped and animated while work goes on. */
  readonly moving?: boolean;
  readonly size?: 'sm' | 'md' | 'lg';
  readonly testId?: string;
}) {
  const now = Math.round(Math.max(0, Math.min(100, value)));
  return (
    <Progress.Root size={size} data-testid={testId}>
      <Progress.Section
        value={now}
        striped={moving}
        animated={moving}
        withAria={false}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={now}
        aria-valuetext={valueText ?? `${now}%`}
      />
    </Progress.Root>
  );
}
