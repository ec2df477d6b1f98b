/**
 * One ECharts chart, sized to its box and redrawn when its option changes. The canvas is
 * an image to assistive technology, labelled by `label`; the table view next to every chart
 * (ChartCard) is its accessible reading.
 */
import { Box } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { type EChartsCoreOption, echarts } from './echarts.js';

export function Chart({
  option,
  label,
  height = 320,
}: {
  readonly option: EChartsCoreOption;
  readonly label: string;
  readonly height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, { notMerge: true });
  }, [option]);

  return <Box ref={box} h={height} w="100%" role="img" aria-label={label} />;
}
