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

/** How each series of a `MultiLineChart` is drawn: told apart by dash and marker, not by colour alone. */
export const SERIES_STYLES = [
  { dash: '', marker: 'circle' },
  { dash: '8 4', marker: 'square' },
  { dash: '2 4', marker: 'triangle' },
  { dash: '12 4 2 4', marker: 'diamond' },
  { dash: '4 2', marker: 'cross' },
] as const;

function Marker({ kind, x, y, index }: { kind: string; x: number; y: number; index: number }) {
  const cls = `mkb-chart__point mkb-chart__series-${index}`;
  if (kind === 'square') return <rect x={x - 4} y={y - 4} width="8" height="8" class={cls} />;
  if (kind === 'triangle') return <polygon points={`${x},${y - 5} ${x + 5},${y + 4} ${x - 5},${y + 4}`} class={cls} />;
  if (kind === 'diamond') return <polygon points={`${x},${y - 5} ${x + 5},${y} ${x},${y + 5} ${x - 5},${y}`} class={cls} />;
  if (kind === 'cross')
    return <path d={`M${x - 4},${y - 4}L${x + 4},${y + 4}M${x + 4},${y - 4}L${x - 4},${y + 4}`} class={`${cls} mkb-chart__cross`} />;
  return <circle cx={x} cy={y} r="4" class={cls} />;
}

/** A small picture of a series' line and marker, for the key above a `MultiLineChart`. */
export function SeriesSwatch({ index }: { index: number }) {
  const s = SERIES_STYLES[index % SERIES_STYLES.length] ?? SERIES_STYLES[0];
  return (
    <svg class="mkb-chart-key__line" viewBox="0 0 36 12" width="36" height="12" aria-hidden="true" focusable="false">
      <line x1="2" y1="6" x2="34" y2="6" stroke-dasharray={s.dash || undefined} class={`mkb-chart__line mkb-chart__series-${index}`} />
      <Marker kind={s.marker} x={18} y={6} index={index} />
    </svg>
  );
}

/** One line per series over ordered points (years); the values are in the table beside it. */
export function MultiLineChart({
  rows,
  series,
  labelledBy,
  title,
}: {
  rows: { label: string; values: number[] }[];
  series: string[];
  labelledBy: string;
  title: string;
}) {
  const width = 640;
  const height = 240;
  const left = 40;
  const bottom = 200;
  const top = 20;
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const step = rows.length > 1 ? (width - 2 * left) / (rows.length - 1) : 0;
  const x = (i: number) => Math.round(rows.length > 1 ? left + i * step : width / 2);
  const y = (v: number) => Math.round(bottom - (v / max) * (bottom - top));
  return (
    <svg class="mkb-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={labelledBy} focusable="false">
      <title>{title}</title>
      <line x1={left} y1={bottom} x2={width - left} y2={bottom} class="mkb-chart__axis" />
      <text x={left - 6} y={top + 4} text-anchor="end" class="mkb-chart__label">
        {fmt(max)}
      </text>
      <text x={left - 6} y={bottom + 4} text-anchor="end" class="mkb-chart__label">
        0
      </text>
      {series.map((name, si) => {
        const s = SERIES_STYLES[si % SERIES_STYLES.length] ?? SERIES_STYLES[0];
        return (
          <g key={name}>
            <polyline
              points={rows.map((r, i) => `${x(i)},${y(r.values[si] ?? 0)}`).join(' ')}
              stroke-dasharray={s.dash || undefined}
              class={`mkb-chart__line mkb-chart__series-${si}`}
            />
            {rows.map((r, i) => (
              <Marker key={r.label} kind={s.marker} x={x(i)} y={y(r.values[si] ?? 0)} index={si} />
            ))}
          </g>
        );
      })}
      {rows.map((r, i) => (
        <text key={r.label} x={x(i)} y={bottom + 22} text-anchor="middle" class="mkb-chart__label">
          {r.label}
        </text>
      ))}
    </svg>
  );
}

/** A filled square in a series' colour and pattern, for the key above a `StackedBarChart`. */
export function SeriesBox({ index }: { index: number }) {
  return (
    <svg class="mkb-chart-key__line" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="12" height="12" class={`mkb-chart__stack mkb-chart__series-${index}`} />
    </svg>
  );
}

/** Horizontal bars, one per row, split into the row's values (one segment per series), the total after each bar. */
export function StackedBarChart({
  rows,
  labelledBy,
  title,
}: {
  rows: { label: string; values: number[] }[];
  labelledBy: string;
  title: string;
}) {
  const width = 640;
  const labelWidth = 220;
  const barMax = width - labelWidth - 70;
  const rowHeight = 30;
  const totals = rows.map((r) => r.values.reduce((n, v) => n + v, 0));
  const max = Math.max(1, ...totals);
  const height = rows.length * rowHeight + 10;
  return (
    <svg class="mkb-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={labelledBy} focusable="false">
      <title>{title}</title>
      {rows.map((r, i) => {
        const y = 5 + i * rowHeight;
        let x = labelWidth;
        return (
          <g key={r.label}>
            <text x={labelWidth - 8} y={y + 19} text-anchor="end" class="mkb-chart__label">
              {short(r.label, 25)}
            </text>
            {r.values.map((v, si) => {
              const w = Math.round((v / max) * barMax);
              const rect =
                w > 0 ? (
                  <rect
                    key={`${r.label}-${si}`}
                    x={x}
                    y={y + 4}
                    width={w}
                    height={rowHeight - 10}
                    class={`mkb-chart__stack mkb-chart__series-${si}`}
                  />
                ) : null;
              x += w;
              return rect;
            })}
            <text x={x + 6} y={y + 19} class="mkb-chart__value">
              {fmt(totals[i] ?? 0)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
