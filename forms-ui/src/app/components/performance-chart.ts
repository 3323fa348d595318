// <performance-chart>: one table of the service performance report drawn as a uPlot line chart, one line per column
// the table names for it, against its first column. The chart is a picture of the table shown beside it, which is what
// assistive technology reads: the chart is hidden from it. Lines differ by dash and point as well as colour.
import { html } from 'lit';
import type uPlot from 'uplot';
import { LightElement } from '../core/light-element.js';

export interface ChartTable {
  id: string;
  title: string;
  columns: { key: string; title: string }[];
  rows: (string | number | null)[][];
  chart: { series: string[]; unit: string };
}

/** Colours of the GOV.UK palette that keep 3:1 against white, each with its own dash. */
const LINES: { stroke: string; dash: number[] }[] = [
  { stroke: '#1d70b8', dash: [] },
  { stroke: '#d4351c', dash: [8, 4] },
  { stroke: '#00703c', dash: [2, 3] },
  { stroke: '#4c2c92', dash: [12, 4, 2, 4] },
  { stroke: '#f47738', dash: [4, 4] },
  { stroke: '#505a5f', dash: [1, 6] },
  { stroke: '#912b88', dash: [16, 6] },
  { stroke: '#28a197', dash: [6, 2, 2, 2] },
];

const HEIGHT = 260;

/** Properties: `table` (ChartTable). */
export class PerformanceChart extends LightElement {
  static override properties = { table: { attribute: false } };

  declare table: ChartTable | undefined;
  #plot: uPlot | undefined;
  #resize: ResizeObserver | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#plot?.destroy();
    this.#plot = undefined;
  }

  protected override render(): unknown {
    return html`<div class="performance-chart__plot" aria-hidden="true"></div>`;
  }

  protected override async updated(): Promise<void> {
    const table = this.table;
    const target = this.querySelector<HTMLElement>('.performance-chart__plot');
    if (!table || !target) return;
    const { default: UPlot } = await import('uplot');
    this.#plot?.destroy();
    const labels = table.rows.map((row) => String(row[0] ?? ''));
    const drawn = table.chart.series
      .map((key) => ({ key, index: table.columns.findIndex((c) => c.key === key) }))
      .filter((s) => s.index > 0);
    const data: uPlot.AlignedData = [
      labels.map((_, i) => i),
      ...drawn.map((s) =>
        table.rows.map((row) => (typeof row[s.index] === 'number' ? (row[s.index] as number) : null)),
      ),
    ];
    const options: uPlot.Options = {
      width: this.#width(target),
      height: HEIGHT,
      scales: {
        x: { time: false, range: [-0.5, Math.max(labels.length - 0.5, 0.5)] },
        y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] },
      },
      cursor: { show: false },
      legend: { show: true, live: false },
      axes: [
        { values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? (labels[t] ?? '') : '')), space: 48 },
        { label: table.chart.unit, size: 56 },
      ],
      series: [
        {},
        ...drawn.map((s, i) => ({
          label: table.columns[s.index]!.title,
          stroke: LINES[i % LINES.length]!.stroke,
          dash: LINES[i % LINES.length]!.dash,
          width: 2,
          points: { show: true, size: 6 + (i % 3) * 2 },
          spanGaps: false,
        })),
      ],
    };
    this.#plot = new UPlot(options, data, target);
    this.#resize ??= new ResizeObserver(() => this.#plot?.setSize({ width: this.#width(target), height: HEIGHT }));
    this.#resize.observe(this);
  }

  #width(target: HTMLElement): number {
    return Math.max(260, Math.min(720, this.clientWidth || target.clientWidth || 640));
  }
}

if (!customElements.get('performance-chart')) customElements.define('performance-chart', PerformanceChart);
