'use client';

import { useId, useMemo, useState, type ReactNode } from 'react';
import { Card } from '@sluice/ui';
import { formatCount } from '~/lib/format';
import {
  formatRecordTimestamp,
  RECORD_FORMATS,
  viewBytes,
  type RecordFormat,
  type ShownFormat,
} from '~/lib/record-view';
import type { RouterOutputs } from '~/trpc/outputs';
import { SMALL_BUTTON } from '~/app/_components/form-styles';

/** A record or a transaction marker, as the browser and the tail read them. */
export type ConsoleEntry = RouterOutputs['messages']['browse']['records'][number];
export type ConsoleRecord = Extract<ConsoleEntry, { kind: 'record' }>;
export type ConsoleMarker = Extract<ConsoleEntry, { kind: 'marker' }>;

const FORMAT_LABELS: Record<RecordFormat, string> = {
  auto: 'Auto',
  json: 'JSON',
  text: 'Text',
  hex: 'Hex',
  base64: 'Base64',
};

const SHOWN_LABELS: Record<ShownFormat, string> = {
  json: 'JSON',
  text: 'text',
  hex: 'hex',
  base64: 'base64',
};

function FormatSwitch({
  label,
  format,
  onChange,
}: {
  label: string;
  format: RecordFormat;
  onChange: (format: RecordFormat) => void;
}) {
  const name = useId();
  return (
    <div
      role="radiogroup"
      aria-label={label}
      className="inline-flex rounded-md border border-zinc-300 dark:border-zinc-700"
    >
      {RECORD_FORMATS.map((choice) => (
        <label
          key={choice}
          className="cursor-pointer border-l border-zinc-300 px-2 py-0.5 text-xs font-medium text-zinc-700 first:rounded-l-md first:border-l-0 last:rounded-r-md has-checked:bg-sky-700 has-checked:text-white has-focus-visible:ring-2 has-focus-visible:ring-sky-500 dark:border-zinc-700 dark:text-zinc-200 dark:has-checked:bg-sky-600"
        >
          <input
            type="radio"
            name={name}
            value={choice}
            checked={format === choice}
            onChange={() => onChange(choice)}
            className="sr-only"
          />
          {FORMAT_LABELS[choice]}
        </label>
      ))}
    </div>
  );
}

/** A key or value in full, in the format chosen: always a text node, so markup in a record stays characters. */
function BytesBlock({ title, base64 }: { title: 'Key' | 'Value'; base64: string | null }) {
  const [format, setFormat] = useState<RecordFormat>('auto');
  const [copied, setCopied] = useState(false);
  const view = useMemo(() => viewBytes(base64, format), [base64, format]);
  const headingId = useId();
  const facts: string[] = [];
  if (view) {
    facts.push(`${formatCount(view.size)} ${view.size === 1 ? 'byte' : 'bytes'}`);
    if (format === 'auto') facts.push(`shown as ${SHOWN_LABELS[view.format]}`);
    if (view.binary) facts.push(view.format === 'text' ? 'binary: invalid bytes shown as �' : 'binary');
  }
  const copy = async () => {
    if (!view) return;
    await navigator.clipboard.writeText(view.text);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-sm font-semibold">
          {title}
        </h3>
        <div className="flex flex-wrap items-center gap-2">
          <FormatSwitch label={`${title} format`} format={format} onChange={setFormat} />
          {view && (
            <button type="button" onClick={copy} className={SMALL_BUTTON}>
              {copied ? 'Copied' : 'Copy'}
            </button>
          )}
        </div>
      </div>
      {view === null ? (
        <p className="text-sm text-zinc-600 italic dark:text-zinc-400">
          null ({title === 'Key' ? 'no key' : 'no value: a tombstone'})
        </p>
      ) : (
        <>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{facts.join(' · ')}</p>
          {view.problem && (
            <p role="alert" className="text-xs text-amber-800 dark:text-amber-300">
              {view.problem}; shown as text
            </p>
          )}
          <pre
            aria-label={`${title} (${SHOWN_LABELS[view.format]})`}
            tabIndex={0}
            data-format={view.format}
            className={`max-h-96 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-5 text-zinc-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100 ${view.format === 'hex' ? 'whitespace-pre' : 'break-all whitespace-pre-wrap'}`}
          >
            {view.text === '' ? <span className="text-zinc-500 italic">(empty)</span> : view.text}
          </pre>
        </>
      )}
    </section>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-zinc-600 dark:text-zinc-400">{term}</dt>
      <dd className="font-mono text-sm">{children}</dd>
    </div>
  );
}

function HeaderValue({ base64 }: { base64: string | null }) {
  const view = useMemo(() => viewBytes(base64, 'auto'), [base64]);
  if (view === null) return <span className="text-zinc-500 italic">null</span>;
  return (
    <span className="break-all whitespace-pre-wrap">
      {view.text}
      {view.binary && <span className="ml-2 font-sans text-xs text-zinc-500">(binary, {view.format})</span>}
    </span>
  );
}

/**
 * One record in full: where it sits, its timestamp and size, key and value in a format of the reader's choosing,
 * and its headers. `key` the component by the record, so the chosen formats start over for the next one.
 */
export function RecordDetail({
  record,
  onClose,
  actions,
}: {
  record: ConsoleRecord;
  onClose: () => void;
  actions?: ReactNode;
}) {
  return (
    <Card
      title="Record"
      aside={
        <div className="flex items-center gap-2">
          {actions}
          <button type="button" onClick={onClose} className={SMALL_BUTTON}>
            Close
          </button>
        </div>
      }
    >
      <div className="flex flex-col gap-5">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Fact term="Partition">{record.partition}</Fact>
          <Fact term="Offset">{record.offset}</Fact>
          <Fact term="Timestamp">
            <span title={record.timestamp >= 0 ? new Date(record.timestamp).toISOString() : undefined}>
              {formatRecordTimestamp(record.timestamp)}
            </span>
            <span className="block font-sans text-xs text-zinc-600 dark:text-zinc-400">
              {record.timestampType}
            </span>
          </Fact>
          <Fact term="Size">{`${formatCount(record.size)} B`}</Fact>
        </dl>
        <BytesBlock title="Key" base64={record.key} />
        <BytesBlock title="Value" base64={record.value} />
        <section aria-label="Headers" className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold">
            Headers{' '}
            <span className="font-normal text-zinc-600 dark:text-zinc-400">({record.headers.length})</span>
          </h3>
          {record.headers.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">None.</p>
          ) : (
            <table aria-label="Headers" className="w-full table-fixed border-collapse text-sm">
              <thead>
                <tr className="bg-zinc-100 dark:bg-zinc-800">
                  <th scope="col" className="w-1/3 px-3 py-1.5 text-left font-semibold">
                    Key
                  </th>
                  <th scope="col" className="px-3 py-1.5 text-left font-semibold">
                    Value
                  </th>
                </tr>
              </thead>
              <tbody>
                {record.headers.map((header, index) => (
                  <tr key={index} className="border-t border-zinc-200 align-top dark:border-zinc-800">
                    <td className="px-3 py-1.5 font-mono text-xs break-all">{header.key}</td>
                    <td className="px-3 py-1.5 font-mono text-xs">
                      <HeaderValue base64={header.value} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </Card>
  );
}
