import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as React from 'react';
import { renderToString } from 'react-dom/server';
import { dataTableColumns } from './data-table-features.ts';

// Run from the repository root, tsx compiles JSX with the classic runtime (React.createElement), which Next.js
// does not; the components are written for the automatic runtime and do not import React themselves.
Object.assign(globalThis, { React });
const { DataTable } = await import('./data-table.tsx');

interface Row {
  id: string;
  name: string;
  lag: number;
}

const column = dataTableColumns<Row>();
const columns = column.columns([
  column.accessor('name', { header: 'Name' }),
  column.accessor('lag', { header: 'Lag', meta: { align: 'end', width: '6rem' } }),
]);
const rows: Row[] = Array.from({ length: 10_000 }, (_, i) => ({
  id: `r${i}`,
  name: `group-${i}`,
  lag: i * 7,
}));

function render(props: Partial<Parameters<typeof DataTable<Row>>[0]> = {}): string {
  return renderToString(
    React.createElement(DataTable<Row>, {
      data: rows,
      columns,
      getRowId: (row: Row) => row.id,
      label: 'Groups',
      filterLabel: 'Filter groups',
      emptyMessage: 'No groups yet',
      ...props,
    }),
  );
}

const renderedRowIndexes = (html: string) =>
  [...html.matchAll(/aria-rowindex="(\d+)"/g)].map((m) => Number(m[1]));

test('10,000 rows render as one screenful, with the full count given to assistive technology', () => {
  const html = render();
  assert.ok(html.includes('aria-rowcount="10001"'), 'aria-rowcount counts every row and the header');
  const indexes = renderedRowIndexes(html);
  // The header row is row 1; then the first rows of data, a screenful and the overscan, not all of them.
  assert.equal(indexes[0], 1);
  assert.deepEqual(indexes.slice(1, 4), [2, 3, 4]);
  assert.ok(indexes.length > 15 && indexes.length < 50, `${indexes.length} rows rendered`);
  // The rows not rendered are stood in for by a spacer as tall as they would be.
  const spacer = /<td colSpan="2" style="height:(\d+)px/.exec(html);
  assert.ok(spacer, 'a spacer row follows the rendered ones');
  assert.equal(Number(spacer[1]), (10_000 - (indexes.length - 1)) * 41);
  assert.ok(html.includes('>10,000 rows</p>'), 'the row count is given');
});

test('an initial sort orders all the rows before the window is taken', () => {
  const html = render({ initialSorting: [{ id: 'lag', desc: true }], rowNoun: ['group', 'groups'] });
  const firstCell = /<tr[^>]*aria-rowindex="2"[^>]*><td[^>]*>([^<]*)</.exec(html);
  assert.equal(firstCell?.[1], 'group-9999');
  assert.ok(
    /<th[^>]*aria-sort="descending"[^>]*><button[^>]*>Lag/.test(html),
    'the Lag header says it sorts',
  );
});

test('no data shows the empty message in place of rows', () => {
  const html = render({ data: [] });
  assert.ok(html.includes('No groups yet'), 'the empty message shows');
  assert.ok(html.includes('aria-rowcount="1"'), 'only the header row counts');
  assert.deepEqual(renderedRowIndexes(html), [1]);
});
