import type { ReactNode } from 'react';

export interface Column<Row> {
  header: ReactNode;
  cell(row: Row): ReactNode;
}

/**
 * A table of rows with a header cell per column (`scope="col"`, so a screen reader names each cell by its column).
 * With `scrollLabel` it sits in a named, focusable region that scrolls sideways on a narrow screen.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  scrollLabel,
  'data-testid': testId,
}: {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  scrollLabel?: string;
  'data-testid'?: string;
}) {
  const table = (
    <table className="table" data-testid={testId}>
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={i} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column, i) => (
              <td key={i}>{column.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!scrollLabel) return table;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={scrollLabel}>
      {table}
    </div>
  );
}
