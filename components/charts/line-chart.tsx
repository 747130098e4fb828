import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleLinear, scalePoint } from "@visx/scale";
import { Circle, LinePath } from "@visx/shape";
import { ChartFrame, Legend, type Series } from "@/components/charts/chart-frame";

// Lines over categories (weeks); a missing value (no case that week) breaks the line.

export interface LineDatum {
  category: string;
  values: Record<string, number | null>;
}

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 16, bottom: 36, left: 48 };

export function LineChart({ data, series, summary }: { data: readonly LineDatum[]; series: readonly Series[]; summary: string }) {
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1, ...data.flatMap((d) => series.map((s) => d.values[s.key] ?? 0)));
  const y = scaleLinear({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const x = scalePoint({ domain: data.map((d) => d.category), range: [0, innerWidth], padding: 0.5 });
  const every = Math.ceil(data.length / 14);
  return (
    <div className="space-y-2">
      <Legend series={series} />
      <ChartFrame summary={summary} width={WIDTH} height={HEIGHT}>
        <Group left={MARGIN.left} top={MARGIN.top}>
          {series.map((s) => (
            <g key={s.key}>
              <LinePath data={[...data]} x={(d) => x(d.category) ?? 0} y={(d) => y(d.values[s.key] ?? 0)}
                defined={(d) => d.values[s.key] != null} stroke={s.color} strokeWidth={2} />
              {data.filter((d) => d.values[s.key] != null).map((d) => (
                <Circle key={d.category} cx={x(d.category) ?? 0} cy={y(d.values[s.key]!)} r={3} fill={s.color} />
              ))}
            </g>
          ))}
          <AxisLeft scale={y} numTicks={5} stroke="#94a3b8" tickStroke="#94a3b8" tickLabelProps={{ fontSize: 11, fill: "#475569", textAnchor: "end", dx: -4, dy: 3 }} />
          <AxisBottom top={innerHeight} scale={x} stroke="#94a3b8" tickStroke="#94a3b8"
            tickValues={data.filter((_, index) => index % every === 0).map((d) => d.category)}
            tickLabelProps={{ fontSize: 11, fill: "#475569", textAnchor: "middle" }} />
        </Group>
      </ChartFrame>
    </div>
  );
}
