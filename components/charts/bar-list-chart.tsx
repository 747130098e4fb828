import { AxisBottom } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar, Line } from "@visx/shape";
import { ChartFrame, CHART_COLORS } from "@/components/charts/chart-frame";

// Horizontal bars, one per labelled item, optionally with an interval drawn as a whisker (the Wilson
// bounds of a rate). Muted items (too small a sample) are drawn pale.

export interface BarListItem {
  label: string;
  value: number;
  low?: number | null;
  high?: number | null;
  muted?: boolean;
}

const WIDTH = 720;
const LABEL_WIDTH = 260;
const ROW = 22;

export function BarListChart({ items, max, tickFormat, summary }: {
  items: readonly BarListItem[];
  max: number;
  tickFormat: (value: number) => string;
  summary: string;
}) {
  const height = items.length * ROW + 36;
  const x = scaleLinear({ domain: [0, Math.max(max, 1e-9)], range: [0, WIDTH - LABEL_WIDTH - 16] });
  const y = scaleBand({ domain: items.map((_, index) => String(index)), range: [0, items.length * ROW], padding: 0.25 });
  return (
    <ChartFrame summary={summary} width={WIDTH} height={height}>
      <Group left={LABEL_WIDTH} top={4}>
        {items.map((item, index) => {
          const top = y(String(index)) ?? 0;
          const band = y.bandwidth();
          return (
            <g key={index}>
              <text x={-8} y={top + band / 2} dy="0.35em" textAnchor="end" fontSize={12} fill="#334155">
                {item.label.length > 40 ? `${item.label.slice(0, 39)}…` : item.label}
              </text>
              <Bar x={0} y={top} width={Math.max(0, x(item.value))} height={band} fill={CHART_COLORS.blue} opacity={item.muted ? 0.35 : 1} />
              {item.low != null && item.high != null ? (
                <Line from={{ x: x(item.low), y: top + band / 2 }} to={{ x: x(item.high), y: top + band / 2 }} stroke="#0f172a" strokeWidth={1.5} />
              ) : null}
            </g>
          );
        })}
        <AxisBottom top={items.length * ROW} scale={x} numTicks={5} tickFormat={(value) => tickFormat(Number(value))}
          stroke="#94a3b8" tickStroke="#94a3b8" tickLabelProps={{ fontSize: 11, fill: "#475569", textAnchor: "middle" }} />
      </Group>
    </ChartFrame>
  );
}
