/** Every chart's text alternative: its data as a table, reachable by keyboard. */
import type { ComponentChildren } from 'preact';

export function ChartTable({ summary, caption, head, rows }: { summary: string; caption: string; head: string[]; rows: ComponentChildren[][] }) {
  return (
    <details class="chart-table">
      <summary>{summary}</summary>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              {r.map((cell, i) => (i === 0 ? <th scope="row">{cell}</th> : <td>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
