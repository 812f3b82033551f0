import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the dashboard draws is bundled.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, DatasetComponent, CanvasRenderer]);

export interface EChartProps {
  option: EChartsCoreOption;
  height?: number;
  /** Accessible summary of what the chart shows. */
  ariaLabel: string;
  testId?: string;
}

// jsdom (the component tests) has no canvas to measure text with; charts then stay empty boxes.
const canDraw = typeof navigator === 'undefined' || !navigator.userAgent.includes('jsdom');

/** A canvas ECharts chart that follows its container's width and redraws when `option` changes. */
export function EChart({ option, height = 280, ariaLabel, testId }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const node = element.current;
    if (!node || !canDraw) return undefined;
    const instance = echarts.init(node, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(node);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} data-testid={testId} />;
}
