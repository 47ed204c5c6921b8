import { useMemo, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { FormError } from '../../../components/ui/field-error';
import { guessMapping, toImportMapping, type ColumnTarget } from './column-mapping';
import { ColumnMappingTable } from './column-mapping-table';
import { useImportContacts, useItemTypes } from './contacts-api';
import { readCsvTable, type CsvTable } from '../../../common/csv';
import { ImportPreview } from './import-preview';
import { ImportResultView } from './import-result';

function parse(text: string): { table: CsvTable | null; problem: string | null } {
  if (text.trim() === '') return { table: null, problem: null };
  try {
    const table = readCsvTable(text);
    return table.header.length === 0
      ? { table: null, problem: 'The text has no header line.' }
      : { table, problem: null };
  } catch (err) {
    return { table: null, problem: (err as Error).message };
  }
}

/** Paste CSV or choose a file, say what each column holds, preview, import; bad rows come back by line. */
export function ImportSection() {
  const itemTypes = useItemTypes();
  const types = itemTypes.data ?? [];
  const importer = useImportContacts();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<{ key: string; targets: ColumnTarget[] } | null>(null);
  const [source, setSource] = useState('');
  const [tags, setTags] = useState('');
  const { table, problem } = useMemo(() => parse(text), [text]);
  const key = table?.header.join('\u0000') ?? '';
  const targets = table ? (chosen?.key === key ? chosen.targets : guessMapping(table.header, types)) : [];
  const mapping = table ? toImportMapping(table.header, targets, types) : null;

  const changeText = (next: string) => {
    setText(next);
    importer.reset();
  };
  const chooseFile = (file: File | undefined) => {
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => changeText(String(reader.result ?? ''));
    reader.readAsText(file);
  };
  const submit = () => {
    if (!mapping?.ok) return;
    const defaults = {
      source: source.trim() || null,
      primaryAgentId: null,
      tags: tags
        .split(/[,;|]/)
        .map((t) => t.trim())
        .filter(Boolean),
    };
    // The good rows are in: clear the text so only corrected bad rows are pasted again.
    importer.mutate({ csv: text, mapping: mapping.mapping, defaults }, { onSuccess: () => setText('') });
  };

  return (
    <section className="panel contact-import" aria-labelledby="import-title">
      <h2 id="import-title">Import contacts from CSV</h2>
      <p className="muted">
        The first line names the columns. Map each column to a contact field or to an additional phone of an item type.
      </p>
      <label>
        CSV text
        <textarea
          rows={6}
          value={text}
          onChange={(e) => changeText(e.target.value)}
          placeholder={'Name,Phone,Office\nPriya Shah,+447911123456,+442079460500'}
        />
      </label>
      <label>
        Or choose a CSV file
        <input type="file" accept=".csv,text/csv" onChange={(e) => chooseFile(e.target.files?.[0])} />
      </label>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {table && (
        <>
          <ColumnMappingTable
            table={table}
            targets={targets}
            itemTypes={types}
            onChange={(next) => setChosen({ key, targets: next })}
          />
          <div className="row">
            <label>
              Source for rows without one
              <input value={source} maxLength={60} onChange={(e) => setSource(e.target.value)} />
            </label>
            <label>
              Tags for every row (comma-separated)
              <input value={tags} onChange={(e) => setTags(e.target.value)} />
            </label>
          </div>
          {mapping && !mapping.ok && (
            <ul className="mapping-problems" role="alert">
              {mapping.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <ImportPreview table={table} targets={targets} itemTypes={types} />
          <div className="row">
            <Button tone="primary" disabled={!mapping?.ok || importer.isPending} onClick={submit}>
              {importer.isPending ? 'Importing…' : 'Import contacts'}
            </Button>
          </div>
        </>
      )}
      {importer.data && <ImportResultView result={importer.data} />}
      <FormError error={importer.error} />
    </section>
  );
}
