/**
 * A plain textarea with line numbers, for the contract file: no editor library, so nothing
 * heavy to load and nothing between the keyboard and the text. Lines with a problem are
 * marked in the gutter; `jumpTo` puts the caret at a line and column and scrolls to it.
 */
import { Text } from '@mantine/core';
import { type Ref, useImperativeHandle, useRef } from 'react';
import classes from './line-editor.module.css';

const LINE_PX = 20;

export interface LineEditorHandle {
  jumpTo(line: number, col: number): void;
}

export function LineEditor({
  id,
  label,
  description,
  value,
  onChange,
  badLines,
  invalid,
  handle,
}: {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly badLines: ReadonlySet<number>;
  readonly invalid: boolean;
  readonly handle: Ref<LineEditorHandle>;
}) {
  const text = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  useImperativeHandle(handle, () => ({
    jumpTo(line, col) {
      const area = text.current;
      if (!area) return;
      const lines = area.value.split('\n');
      const before = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
      const offset = before + Math.min(Math.max(col - 1, 0), (lines[line - 1] ?? '').length);
      area.focus();
      area.setSelectionRange(offset, offset);
      area.scrollTop = Math.max(0, (line - 1) * LINE_PX - area.clientHeight / 3);
    },
  }));
  const count = value.split('\n').length;
  return (
    <div>
      <Text component="label" htmlFor={id} fw={600} size="sm" display="block">
        {label}
      </Text>
      <Text id={`${id}-description`} size="xs" c="dimmed" mb={4}>
        {description}
      </Text>
      <div className={classes.frame}>
        <div ref={gutter} className={classes.gutter} aria-hidden="true">
          {Array.from({ length: count }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a line number is its own place
            <div key={i} className={badLines.has(i + 1) ? classes.bad : undefined}>
              {i + 1}
            </div>
          ))}
        </div>
        <textarea
          ref={text}
          id={id}
          className={classes.text}
          value={value}
          wrap="off"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          aria-describedby={`${id}-description ${id}-problems`}
          aria-invalid={invalid}
          onChange={(event) => onChange(event.currentTarget.value)}
          onScroll={(event) => {
            if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
          }}
          data-testid="contract-editor"
        />
      </div>
    </div>
  );
}
