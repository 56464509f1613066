import assert from 'node:assert/strict';
import { test } from 'node:test';
import { epochLabels } from './epoch-labels.ts';

const share = (at: number) => at / 100;

test('leader changes far apart get a label each, at their own place', () => {
  assert.deepEqual(
    epochLabels(
      [
        { at: 10, leaderEpoch: 3 },
        { at: 50, leaderEpoch: 4 },
      ],
      share,
    ),
    [
      { at: 10, share: 0.1, text: 'epoch 3' },
      { at: 50, share: 0.5, text: 'epoch 4' },
    ],
  );
});

test('leader changes close together share one label at the first, so none prints over another', () => {
  assert.deepEqual(
    epochLabels(
      [
        { at: 90, leaderEpoch: 5 },
        { at: 91, leaderEpoch: 6 },
        { at: 99, leaderEpoch: 7 },
      ],
      share,
    ).map((label) => [label.at, label.text]),
    [[90, 'epochs 5–7']],
  );
  // Grouping is from each group's first change: a chain of close changes still starts a new label in time.
  assert.deepEqual(
    epochLabels(
      [0, 8, 16, 24].map((at, i) => ({ at, leaderEpoch: i + 1 })),
      share,
    ).map((label) => label.text),
    ['epochs 1–2', 'epochs 3–4'],
  );
  assert.deepEqual(epochLabels([], share), []);
});
