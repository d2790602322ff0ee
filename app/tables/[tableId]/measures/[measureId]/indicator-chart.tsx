// An indicator's values over time as a line, drawn on the server as SVG with d3's scales and line
// generator. The chart is a picture of the table beside it (the same values, as text), so it adds
// nothing a screen reader misses; its label says what it shows.
import { scaleLinear, scaleUtc } from "d3-scale";
import { line } from "d3-shape";

type Point = { measuredOn: Date; value: number };

const WIDTH = 360;
const HEIGHT = 160;
const PAD = { top: 12, right: 16, bottom: 28, left: 44 };

export function IndicatorChart({
  label,
  points,
  baseline,
  format,
  formatDay,
}: {
  label: string;
  points: Point[];
  baseline: number | null;
  format: (value: number) => string;
  formatDay: (day: Date) => string;
}) {
  if (points.length === 0) return null;
  const values = points.map((p) => p.value).concat(baseline === null ? [] : [baseline]);
  const first = points[0] as Point;
  const last = points[points.length - 1] as Point;
  // One point still gets a visible span of a day either side.
  const start =
    first.measuredOn.getTime() === last.measuredOn.getTime() ? new Date(first.measuredOn.getTime() - 86_400_000) : first.measuredOn;
  const end = first.measuredOn.getTime() === last.measuredOn.getTime() ? new Date(last.measuredOn.getTime() + 86_400_000) : last.measuredOn;
  const x = scaleUtc()
    .domain([start, end])
    .range([PAD.left, WIDTH - PAD.right]);
  const y = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(...values, 1)])
    .nice()
    .range([HEIGHT - PAD.bottom, PAD.top]);
  const path = line<Point>()
    .x((p) => x(p.measuredOn))
    .y((p) => y(p.value))(points);
  const ticks = y.ticks(4);
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      style={{ maxWidth: "100%", height: "auto" }}
      data-testid="indicator-chart"
    >
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#d0d0d0" />
          <text x={PAD.left - 6} y={y(tick)} fontSize="11" textAnchor="end" dominantBaseline="middle" fill="#333">
            {format(tick)}
          </text>
        </g>
      ))}
      {baseline !== null && (
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(baseline)} y2={y(baseline)} stroke="#8a4b00" strokeDasharray="4 3" />
      )}
      <path d={path ?? ""} fill="none" stroke="#1d4f91" strokeWidth="2" />
      {points.map((p) => (
        <circle key={`${p.measuredOn.toISOString()}-${p.value}`} cx={x(p.measuredOn)} cy={y(p.value)} r="3.5" fill="#1d4f91" />
      ))}
      <text x={PAD.left} y={HEIGHT - 8} fontSize="11" fill="#333">
        {formatDay(first.measuredOn)}
      </text>
      <text x={WIDTH - PAD.right} y={HEIGHT - 8} fontSize="11" textAnchor="end" fill="#333">
        {formatDay(last.measuredOn)}
      </text>
    </svg>
  );
}
