/**
 * Charts drawn on the server as SVG: no script, readable without colour, and always beside a table
 * with the same numbers. The SVG is one image named by the figure's title and summary
 * (`labelledBy`); its own texts are for the eye.
 */

type Row = { label: string; value: number };

const short = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const fmt = (n: number) => n.toLocaleString('nl-NL');

/** Horizontal bars, one per row, with the value written after each bar. */
export function BarChart({ rows, labelledBy, title }: { rows: Row[]; labelledBy: string; title: string }) {
  const width = 640;
  const labelWidth = 220;
  const barMax = width - labelWidth - 70;
  const rowHeight = 30;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const height = rows.length * rowHeight + 10;
  return (
    <svg class="mkb-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={labelledBy} focusable="false">
      <title>{title}</title>
      {rows.map((r, i) => {
        const y = 5 + i * rowHeight;
        const w = Math.round((r.value / max) * barMax);
        return (
          <g key={r.label}>
            <text x={labelWidth - 8} y={y + 19} text-anchor="end" class="mkb-chart__label">
              {short(r.label, 25)}
            </text>
            <rect x={labelWidth} y={y + 4} width={Math.max(w, r.value > 0 ? 2 : 0)} height={rowHeight - 10} class="mkb-chart__bar" />
            <text x={labelWidth + Math.max(w, 0) + 6} y={y + 19} class="mkb-chart__value">
              {fmt(r.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A line over ordered points (months), with the value at each point and a zero line. */
export function LineChart({ rows, labelledBy, title }: { rows: Row[]; labelledBy: string; title: string }) {
  const width = 640;
  const height = 220;
  const left = 20;
  const bottom = 180;
  const top = 25;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const step = rows.length > 1 ? (width - 2 * left) / (rows.length - 1) : 0;
  const x = (i: number) => Math.round(left + i * step);
  const y = (v: number) => Math.round(bottom - (v / max) * (bottom - top));
  const points = rows.map((r, i) => `${x(i)},${y(r.value)}`).join(' ');
  return (
    <svg class="mkb-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={labelledBy} focusable="false">
      <title>{title}</title>
      <line x1={left} y1={bottom} x2={width - left} y2={bottom} class="mkb-chart__axis" />
      <polyline points={points} class="mkb-chart__line" />
      {rows.map((r, i) => (
        <g key={r.label}>
          <circle cx={x(i)} cy={y(r.value)} r="4" class="mkb-chart__point" />
          <text x={x(i)} y={y(r.value) - 9} text-anchor="middle" class="mkb-chart__value">
            {fmt(r.value)}
          </text>
          <text x={x(i)} y={bottom + 20} text-anchor="middle" class="mkb-chart__label">
            {r.label.split(' ')[0]}
          </text>
        </g>
      ))}
    </svg>
  );
}
