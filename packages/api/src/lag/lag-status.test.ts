import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluatePartition, groupStatus, type LagObservation } from './lag-status.ts';

const MINUTE = 60_000;
const T0 = 1_700_000_000_000;
const min = (m: number) => T0 + m * MINUTE;

/** One observation per minute; `commitAt` is the commit's minute (undefined: the source cannot tell, null: no commit). */
function windowOf(
  rows: { committed: number | null; hwm: number; commitAt?: number | null }[],
): LagObservation[] {
  return rows.map((r, i) => ({
    at: min(i),
    committedOffset: r.committed,
    commitTimestamp: r.commitAt === undefined || r.commitAt === null ? null : min(r.commitAt),
    logEndOffset: r.hwm,
    lag: r.committed === null ? r.hwm : Math.max(0, r.hwm - r.committed),
  }));
}

/** A consumer committing once a minute, each commit seen by the round after it. */
function committingEveryMinute(offsets: number[], hwms: number[]): LagObservation[] {
  return windowOf(offsets.map((committed, i) => ({ committed, hwm: hwms[i]!, commitAt: i })));
}

describe('evaluatePartition (Burrow rules)', () => {
  it('OK whenever there is no lag now, however the window looks', () => {
    const stopped = windowOf([
      { committed: 100, hwm: 200, commitAt: 0 },
      { committed: 100, hwm: 200, commitAt: 0 },
    ]);
    assert.equal(evaluatePartition(stopped, 0, min(60)), 'OK');
    assert.equal(evaluatePartition(stopped, 5, min(60), { allowedLag: 5 }), 'OK', 'within allowed-lag');
    assert.equal(evaluatePartition(stopped, 6, min(60), { allowedLag: 5 }), 'STOP', 'past allowed-lag');
  });

  it('STOP: no commit for longer than the commits in the window span, with lag', () => {
    // Commits at minutes 0, 1, 2; the consumer then goes quiet while records keep arriving.
    const window = windowOf([
      { committed: 100, hwm: 125, commitAt: 0 },
      { committed: 110, hwm: 132, commitAt: 1 },
      { committed: 120, hwm: 140, commitAt: 2 },
      { committed: 120, hwm: 150, commitAt: 2 },
      { committed: 120, hwm: 160, commitAt: 2 },
    ]);
    assert.equal(
      evaluatePartition(window, 40, min(4.5)),
      'STOP',
      '2.5 minutes since the last commit > 2 minutes span',
    );
    assert.equal(
      evaluatePartition(window, 40, min(4)),
      'OK',
      'exactly the span: not yet (lag 25, 22, 20 decreased)',
    );
  });

  it('not STOP when the high watermark was at the last commit within the window (recently caught up)', () => {
    const window = windowOf([
      { committed: 100, hwm: 110, commitAt: 0 },
      { committed: 120, hwm: 120, commitAt: 1 },
      { committed: 120, hwm: 125, commitAt: 1 },
    ]);
    assert.equal(evaluatePartition(window, 5, min(10)), 'OK');
  });

  it('REWIND: the committed offset went back and has not returned', () => {
    const window = committingEveryMinute([100, 110, 50, 60], [120, 130, 140, 150]);
    assert.equal(evaluatePartition(window, 90, min(3.5)), 'REWIND');
  });

  it('a rewind the consumer recovered from is forgiven', () => {
    const window = committingEveryMinute([100, 110, 50, 115], [120, 130, 140, 150]);
    // Lag 20, 20, 90, 35: it decreased, so OK once the rewind is recovered.
    assert.equal(evaluatePartition(window, 35, min(3.5)), 'OK');
  });

  it('STALL: committing, but always the same offset, with lag', () => {
    const window = committingEveryMinute([100, 100, 100, 100], [120, 130, 140, 150]);
    assert.equal(evaluatePartition(window, 50, min(3.5)), 'STALL');
  });

  it('WARN: the offsets advance but the lag never decreases', () => {
    const window = committingEveryMinute([100, 110, 120, 130, 140], [110, 122, 132, 145, 160]);
    assert.equal(evaluatePartition(window, 20, min(4.5)), 'WARN', 'lag 10, 12, 12, 15, 20');
  });

  it('OK: the offsets advance and the lag decreased at least once', () => {
    const window = committingEveryMinute([100, 110, 120, 130, 140], [110, 122, 131, 145, 160]);
    assert.equal(evaluatePartition(window, 20, min(4.5)), 'OK', 'lag 10, 12, 11, 15, 20');
  });

  it('OK when the lag was zero at some commit in the window, even if it grows after', () => {
    const window = committingEveryMinute([100, 110, 120, 130], [100, 130, 150, 170]);
    assert.equal(evaluatePartition(window, 40, min(3.5)), 'OK', 'lag 0, 20, 30, 40');
  });

  it('applies the rules in Burrow order: STOP before REWIND, REWIND before STALL and WARN', () => {
    const rewound = committingEveryMinute([100, 110, 50, 60], [120, 130, 140, 150]);
    assert.equal(evaluatePartition(rewound, 90, min(30)), 'STOP');
    // A rewind to an offset that then stalls: REWIND wins over STALL.
    const rewoundStall = committingEveryMinute([100, 50, 50, 50], [120, 130, 140, 150]);
    assert.equal(evaluatePartition(rewoundStall, 100, min(3.5)), 'REWIND');
  });

  it('OK with too little history: one observation, or no commit at all', () => {
    const one = windowOf([{ committed: 100, hwm: 200, commitAt: 0 }]);
    assert.equal(evaluatePartition(one, 100, min(0.1)), 'OK');
    assert.equal(evaluatePartition(one, 100, min(0.1), { minimumObservations: 1 }), 'STOP');
    const neverCommitted = windowOf([
      { committed: null, hwm: 200 },
      { committed: null, hwm: 300 },
    ]);
    assert.equal(
      evaluatePartition(neverCommitted, 300, min(10)),
      'OK',
      'Burrow cannot judge without offsets',
    );
  });

  it('dates commits by the observation that first saw them when the source cannot tell commit times', () => {
    // A remote cluster: OffsetFetch gives no commit timestamps; an unchanged offset is one commit.
    const advancing = windowOf([
      { committed: 100, hwm: 110 },
      { committed: 110, hwm: 122 },
      { committed: 120, hwm: 132 },
    ]);
    assert.equal(evaluatePartition(advancing, 12, min(2.5)), 'WARN', 'lag 10, 12, 12');
    const quiet = windowOf([
      { committed: 100, hwm: 110 },
      { committed: 100, hwm: 120 },
      { committed: 100, hwm: 130 },
    ]);
    assert.equal(
      evaluatePartition(quiet, 30, min(2.5)),
      'STOP',
      'without commit times a stall looks stopped',
    );
  });

  it('a commit re-sent with the same offset is a new commit when the commit time says so', () => {
    const recommitted = windowOf([
      { committed: 100, hwm: 120, commitAt: 0 },
      { committed: 100, hwm: 130, commitAt: 1 },
      { committed: 100, hwm: 140, commitAt: 2 },
    ]);
    assert.equal(evaluatePartition(recommitted, 40, min(2.5)), 'STALL');
  });
});

describe('groupStatus', () => {
  it('NOTFOUND, then ERR for any STOP, STALL or REWIND, then WARN, then OK', () => {
    assert.equal(groupStatus(false, []), 'NOTFOUND');
    assert.equal(groupStatus(true, []), 'OK');
    assert.equal(groupStatus(true, ['OK', 'OK']), 'OK');
    assert.equal(groupStatus(true, ['OK', 'WARN']), 'WARN');
    for (const error of ['STOP', 'STALL', 'REWIND'] as const) {
      assert.equal(groupStatus(true, ['WARN', error, 'OK']), 'ERR', error);
    }
  });
});
