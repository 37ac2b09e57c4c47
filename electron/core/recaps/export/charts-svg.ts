import * as echarts from 'echarts';
import type { ChartOption } from '../../../contract/recap-charts';

/**
 * One chart as an SVG string, with ECharts' server-side rendering (no DOM, no canvas): the HTML
 * report carries it inline and the PDF prints it as is. Runs on the export worker thread.
 */
export function chartSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
