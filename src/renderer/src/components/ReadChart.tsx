import type { DayCount } from '../../../shared/model'
import { countTicks, labelWidth } from '../lib/chartScale'

const WIDTH = 640
const HEIGHT = 180
const PAD = { top: 12, right: 8, bottom: 26 }

function shortDay(day: string): string {
  const date = new Date(`${day}T00:00:00`)
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
}

/** Papers read per day as plain SVG; colours come from the theme's CSS variables. */
export function ReadChart({ days }: { days: DayCount[] }) {
  const total = days.reduce((sum, d) => sum + d.read, 0)
  const { max, ticks } = countTicks(Math.max(0, ...days.map((d) => d.read)))
  const left = labelWidth(max)
  const plotWidth = WIDTH - left - PAD.right
  const plotHeight = HEIGHT - PAD.top - PAD.bottom
  const slot = days.length ? plotWidth / days.length : plotWidth
  const barWidth = Math.max(2, slot * 0.7)
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight
  return (
    <svg
      className="read-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Papers read per day over the last ${days.length} days: ${total.toLocaleString('en-US')} in all`}
    >
      {ticks.map((tick) => (
        <g key={tick}>
          <line className="chart-grid" x1={left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
          <text className="chart-label" x={left - 6} y={y(tick) + 4} textAnchor="end">
            {tick.toLocaleString('en-US')}
          </text>
        </g>
      ))}
      {days.map((day, i) => {
        const x = left + i * slot + (slot - barWidth) / 2
        const height = y(0) - y(day.read)
        return (
          <g key={day.day}>
            <rect
              className={day.read ? 'chart-bar' : 'chart-bar empty'}
              x={x}
              y={day.read ? y(day.read) : y(0) - 1}
              width={barWidth}
              height={day.read ? height : 1}
              rx={Math.min(3, barWidth / 3)}
            >
              <title>{`${shortDay(day.day)}: ${day.read} read`}</title>
            </rect>
            {(i % 7 === days.length % 7 || i === days.length - 1) && (
              <text className="chart-label" x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle">
                {shortDay(day.day)}
              </text>
            )}
          </g>
        )
      })}
    </svg>
  )
}
