import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { ChartFrame, Legend, type Series } from "@/components/charts/chart-frame";

// Columns per category (a week, an age bucket), one per series side by side, or stacked.

export interface ColumnDatum {
  category: string;
  values: Record<string, number>;
}

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 8, right: 8, bottom: 36, left: 40 };

export function ColumnChart({ data, series, stacked = false, summary }: {
  data: readonly ColumnDatum[];
  series: readonly Series[];
  stacked?: boolean;
  summary: string;
}) {
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const totals = data.map((d) => (stacked ? series.reduce((sum, s) => sum + (d.values[s.key] ?? 0), 0) : Math.max(0, ...series.map((s) => d.values[s.key] ?? 0))));
  const y = scaleLinear({ domain: [0, Math.max(1, ...totals)], range: [innerHeight, 0], nice: true });
  const x = scaleBand({ domain: data.map((d) => d.category), range: [0, innerWidth], padding: 0.2 });
  const inner = scaleBand({ domain: series.map((s) => s.key), range: [0, x.bandwidth()], padding: 0.1 });
  const every = Math.ceil(data.length / 14); // keep category labels readable on long ranges
  return (
    <div className="space-y-2">
      <Legend series={series} />
      <ChartFrame summary={summary} width={WIDTH} height={HEIGHT}>
        <Group left={MARGIN.left} top={MARGIN.top}>
          {data.map((d) => {
            const left = x(d.category) ?? 0;
            let base = innerHeight;
            return series.map((s) => {
              const value = d.values[s.key] ?? 0;
              const barHeight = innerHeight - y(value);
              if (stacked) {
                base -= barHeight;
                return <Bar key={`${d.category}-${s.key}`} x={left} y={base} width={x.bandwidth()} height={barHeight} fill={s.color} />;
              }
              return <Bar key={`${d.category}-${s.key}`} x={left + (inner(s.key) ?? 0)} y={y(value)} width={inner.bandwidth()} height={barHeight} fill={s.color} />;
            });
          })}
          <AxisLeft scale={y} numTicks={5} stroke="#94a3b8" tickStroke="#94a3b8" tickLabelProps={{ fontSize: 11, fill: "#475569", textAnchor: "end", dx: -4, dy: 3 }} />
          <AxisBottom top={innerHeight} scale={x} stroke="#94a3b8" tickStroke="#94a3b8"
            tickValues={data.filter((_, index) => index % every === 0).map((d) => d.category)}
            tickLabelProps={{ fontSize: 11, fill: "#475569", textAnchor: "middle" }} />
        </Group>
      </ChartFrame>
    </div>
  );
}
