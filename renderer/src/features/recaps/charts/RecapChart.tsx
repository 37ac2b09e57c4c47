import { BarChart, FunnelChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartOption } from '../../../../../electron/contract/recap-charts';
import { useThemeMode } from '../../../lib/prefs';

// Only the parts of ECharts the recap uses, in the recaps chunk (loaded with the page).
echarts.use([LineChart, BarChart, ScatterChart, PieChart, FunnelChart, GridComponent, LegendComponent, TooltipComponent, MarkAreaComponent, MarkLineComponent, SVGRenderer]);

/**
 * One recap chart: the same ECharts options the HTML and PDF exports render on the server, drawn
 * here as SVG in the app's theme. Resizes with its box.
 */
export function RecapChart({ option, height, testId }: { option: ChartOption; height: number; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const dark = useThemeMode() === 'dark';
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = echarts.init(el, dark ? 'dark' : undefined, { renderer: 'svg' });
    chart.setOption(option);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option, dark]);
  return <div ref={box} style={{ width: '100%', height }} data-testid={`chart-${testId}`} />;
}
