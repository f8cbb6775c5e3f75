/** A plain-text table: section titles, and rows of cells padded to a common width per column. */
export type TableLine =
  | { readonly kind: 'section'; readonly title: string }
  | { readonly kind: 'row'; readonly cells: readonly string[] }
  /** A label and one remark spanning the figure columns (e.g. "not built: …"). */
  | { readonly kind: 'remark'; readonly label: string; readonly text: string };

const GAP = '  ';
const INDENT = '  ';

export function renderTable(header: readonly string[], lines: readonly TableLine[]): string {
  const rows = [header, ...lines.flatMap((line) => (line.kind === 'row' ? [line.cells] : []))];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  // Remarks line up with the rows: their labels count towards the first column's width too.
  const labelWidth = Math.max(widths[0] ?? 0, ...lines.map((line) => (line.kind === 'remark' ? line.label.length : 0)));
  widths[0] = labelWidth;
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join(GAP)
      .trimEnd();
  const body = lines.map((line) => {
    if (line.kind === 'section') return line.title;
    if (line.kind === 'remark') return `${INDENT}${line.label.padEnd(labelWidth)}${GAP}${line.text}`;
    return `${INDENT}${render(line.cells)}`;
  });
  return [`${INDENT}${render(header)}`, ...body].join('\n');
}
