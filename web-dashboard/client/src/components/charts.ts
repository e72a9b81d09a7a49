// Only the ECharts parts the dashboard draws with, so the bundle carries no other chart types.
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, MarkAreaComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, MarkAreaComponent, CanvasRenderer]);

export type Chart = echarts.ECharts;
export type ChartOption = echarts.EChartsCoreOption;

/** A chart in `element` that follows the window's width; `dispose` releases it. */
export function chart(element: HTMLElement): { chart: Chart; dispose(): void } {
  const instance = echarts.init(element, undefined, { renderer: "canvas" });
  const resize = () => instance.resize();
  window.addEventListener("resize", resize);
  return {
    chart: instance,
    dispose() {
      window.removeEventListener("resize", resize);
      instance.dispose();
    },
  };
}

/**
 * Which score bands hold the top `topShare` and the bottom `bottomShare` of people, from counts per band of ten
 * (index 0 = [0,10) … index 10 = 100+): walking down from the best band until the top share is covered, and up from
 * the worst until the bottom share is.
 */
export function markedBands(distribution: number[], topShare = 0.2, bottomShare = 0.1): { top: Set<number>; bottom: Set<number> } {
  const total = distribution.reduce((a, b) => a + b, 0);
  const top = new Set<number>();
  const bottom = new Set<number>();
  if (total === 0) return { top, bottom };
  let covered = 0;
  for (let i = distribution.length - 1; i >= 0 && covered < total * topShare; i--) {
    if ((distribution[i] ?? 0) > 0) top.add(i);
    covered += distribution[i] ?? 0;
  }
  covered = 0;
  for (let i = 0; i < distribution.length && covered < total * bottomShare; i++) {
    if ((distribution[i] ?? 0) > 0 && !top.has(i)) bottom.add(i);
    covered += distribution[i] ?? 0;
  }
  return { top, bottom };
}
