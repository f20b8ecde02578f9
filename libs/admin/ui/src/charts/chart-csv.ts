/** One row of a chart's data: a name and a value per label (null where there is none). */
export interface ChartSeries {
  label: string;
  values: readonly (number | null)[];
}

/**
 * A chart's numbers as CSV: the category column, then one column per series, one line per label
 * (RFC 4180 quoting; CRLF). What the table view shows, so the file and the page agree.
 */
export function chartCsv(
  categoryLabel: string,
  labels: readonly string[],
  series: readonly ChartSeries[],
): string {
  const cell = (value: string | number | null): string => {
    if (value === null) return '';
    const text = String(value);
    const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [[categoryLabel, ...series.map((s) => s.label)].map(cell).join(',')];
  labels.forEach((label, i) =>
    lines.push([label, ...series.map((s) => s.values[i] ?? null)].map(cell).join(',')),
  );
  return `${lines.join('\r\n')}\r\n`;
}

/** Saves `text` as a file through the browser's download (no server round trip). */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // After the click has handed the file to the browser.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
