/**
 * The one CSV reader of the product: the admin's import preview in the browser and the companion's import read
 * a file the same way, so the preview's line numbers are the server's.
 */

/** One CSV record and the line of the text it starts on (1-based). */
export type CsvRecord = { line: number; cells: string[] };

/**
 * RFC 4180 CSV: comma-separated, fields in double quotes may hold commas, newlines and doubled quotes.
 * Accepts \n and \r\n line ends and a leading byte-order mark. Throws on an unterminated quote.
 */
export function parseCsv(text: string): CsvRecord[] {
  return [...csvRecords(text)];
}

/** The same, one record at a time (a caller may pause between records to keep the event loop free). */
export function* csvRecords(text: string): Generator<CsvRecord> {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  const drain = function* () {
    while (records.length) yield records.shift()!;
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
      i++;
      yield* drain();
      continue;
    } else cell += ch;
    i++;
  }
  if (quoted) throw new Error(`Line ${recordLine}: a quoted field is never closed`);
  if (cell !== '' || cells.length > 0) endRecord();
  yield* drain();
}

/** A CSV as the contact import reads it: the header's names trimmed, and the rows that hold anything. */
export type CsvTable = { header: string[]; rows: CsvRecord[] };

export function readCsvTable(text: string): CsvTable {
  const [first, ...rest] = parseCsv(text);
  return {
    header: (first?.cells ?? []).map((h) => h.trim()),
    rows: rest.filter((r) => r.cells.some((c) => c.trim() !== '')),
  };
}
