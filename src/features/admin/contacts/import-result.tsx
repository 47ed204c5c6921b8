import type { ContactImportResult } from '../../../common/api/contacts';

/** How many contacts were imported, and each left-out row by its line in the CSV with the reason. */
export function ImportResultView({ result }: { result: ContactImportResult }) {
  return (
    <section aria-label="Import result" className="import-result">
      <p role="status" className="save-status">
        Imported {result.imported} contact{result.imported === 1 ? '' : 's'}.
      </p>
      {result.rejected.length > 0 && (
        <>
          <p className="error">
            {result.rejected.length} row{result.rejected.length === 1 ? ' was' : 's were'} not imported:
          </p>
          <ul className="rejected-rows">
            {result.rejected.map((r) => (
              <li key={r.line} data-line={r.line}>
                Line {r.line}
                {r.column && ` (column ${r.column})`}: {r.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
