export type CsvTable = { header: string[]; rows: { line: number; cells: string[] }[] };

/**
 * RFC 4180 CSV as the import reads it: commas, double-quoted fields (which may hold commas, newlines and
 * doubled quotes), \n or \r\n line ends, a leading byte-order mark. Rows keep the line they start on so the
 * preview matches the server's report. Throws on a quote that is never closed.
 */
export function readCsv(text: string): CsvTable {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const end = () => {
    cells.push(cell);
    records.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      end();
      line++;
      start = line;
    } else cell += ch;
  }
  if (quoted) throw new Error(`Line ${start}: a quoted field is never closed`);
  if (cell !== '' || cells.length > 0) end();
  const [first, ...rest] = records;
  return { header: (first?.cells ?? []).map((h) => h.trim()), rows: rest.filter((r) => r.cells.some((c) => c.trim() !== '')) };
}
