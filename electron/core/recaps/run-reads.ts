import type Database from 'better-sqlite3';
import { AppError, type LogRow, type RunSummary } from '../../contract';
import type { RunLogDao, RunRecord } from '../live/run-log.dao';

/** Rows read per slice: a few ms each, with a turn of the event loop between (the show shares it). */
const SLICE = 1000;

interface DigestDbRow {
  seq: number;
  run_id: string;
  at: number;
  kind: LogRow['kind'];
  cue_id: string | null;
  details: string | null;
}

/**
 * What recaps read of the show runner's live.db: runs through its RunLogDao, and one query of
 * our own (read-only, same connection) for a digest of a run — only the rows that move cues on
 * and off air — so a history of a thousand shows never parses their whole logs.
 */
export class RunReads {
  private readonly digest: Database.Statement;

  constructor(
    private readonly runs: RunLogDao,
    liveSqlite: Database.Database,
  ) {
    this.digest = liveSqlite.prepare(
      `SELECT seq, run_id, at, kind, cue_id, CASE WHEN kind IN ('cue.insert', 'skip', 'plan.reload') THEN details END AS details
       FROM run_log WHERE run_id = ? AND kind IN ('go', 'end', 'skip', 'cue.insert', 'plan.reload') ORDER BY seq`,
    );
  }

  /** Real runs of a show (never rehearsals), newest first. */
  realRuns(showId: string): RunSummary[] {
    return this.runs.list({ showId, rehearsal: false });
  }

  /** Every real run, newest first. */
  allRealRuns(): RunSummary[] {
    return this.runs.list({ rehearsal: false });
  }

  /**
   * The run a recap reads: the one asked for (refused if it is a rehearsal or another show's), else
   * the newest real run that went on air. Null when the show was never run for real.
   */
  pick(showId: string, runId?: string): RunRecord | null {
    if (runId) {
      const run = this.runs.run(runId);
      if (!run || run.showId !== showId) throw new AppError('NOT_FOUND', `No run ${runId} of this show`, { runId });
      if (run.rehearsal) throw new AppError('BAD_INPUT', 'That run was a rehearsal: rehearsals are never part of a show\'s recap.', { reason: 'rehearsal', runId });
      return run;
    }
    const chosen = this.realRuns(showId).find((r) => r.startedAt !== null);
    return chosen ? this.runs.run(chosen.id) : null;
  }

  /** A run's rows a slice at a time, with the event loop free between slices. */
  async *slices(runId: string): AsyncGenerator<LogRow[]> {
    let since = 0;
    for (;;) {
      const slice = this.runs.rows(runId, since, SLICE);
      if (slice.length > 0) yield slice;
      if (slice.length < SLICE) return;
      since = slice[slice.length - 1]!.seq;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  run(runId: string): RunRecord | null {
    return this.runs.run(runId);
  }

  /** Only go, end, skip, cue.insert and plan.reload rows: enough for time on air and plan adherence. */
  digestRows(runId: string): LogRow[] {
    return (this.digest.all(runId) as DigestDbRow[]).map((r) => ({
      seq: r.seq,
      runId: r.run_id,
      at: r.at,
      kind: r.kind,
      source: '',
      cueId: r.cue_id,
      details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : {},
    }));
  }
}
