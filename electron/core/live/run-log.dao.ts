import type Database from 'better-sqlite3';
import type { LogKind, LogRow, RunCue, RunState, RunSummary } from '../../contract';

/** A row before it is committed: the log gives it its `seq`. */
export interface NewLogRow {
  kind: LogKind;
  at: number;
  source: string;
  cueId: string | null;
  details: Record<string, unknown>;
}

/** What a run was armed with (immutable, besides the summary columns). */
export interface RunRecord {
  id: string;
  showId: string;
  showTitle: string;
  platform: string;
  canvas: string;
  rehearsal: boolean;
  armedAt: number;
  state: Exclude<RunState, 'idle'>;
  startedAt: number | null;
  endedAt: number | null;
  show: Record<string, unknown>;
  plan: RunCue[];
}

export interface RunSummaryChange {
  state?: Exclude<RunState, 'idle'>;
  startedAt?: number;
  endedAt?: number;
}

interface RunRow {
  id: string;
  show_id: string;
  show_title: string;
  platform: string;
  canvas: string;
  rehearsal: number;
  armed_at: number;
  state: Exclude<RunState, 'idle'>;
  started_at: number | null;
  ended_at: number | null;
  show: string;
  plan: string;
}

interface LogDbRow {
  seq: number;
  run_id: string;
  at: number;
  kind: LogKind;
  source: string;
  cue_id: string | null;
  details: string;
}

/**
 * The as-run log on its own SQLite file (live.db). Statements are prepared once: a Go commits
 * its rows in one transaction of a few inserts, synchronously, before anything answers. The
 * log table refuses UPDATE and DELETE (triggers), so the only way in is `append`.
 */
export class RunLogDao {
  private readonly insertRow: Database.Statement;
  private readonly insertRun: Database.Statement;
  private readonly updateRun: Database.Statement;
  private readonly selectRows: Database.Statement;
  private readonly selectTail: Database.Statement;
  private readonly selectRun: Database.Statement;
  private readonly selectOpen: Database.Statement;
  private readonly appendTx: (runId: string, rows: NewLogRow[], change: RunSummaryChange | null) => LogRow[];

  constructor(
    private readonly sqlite: Database.Database,
    /** Told after every commit (the WAL syncer). */
    private readonly onCommit: () => void = () => {},
  ) {
    this.insertRow = sqlite.prepare('INSERT INTO run_log (run_id, at, kind, source, cue_id, details) VALUES (?, ?, ?, ?, ?, ?)');
    this.insertRun = sqlite.prepare(
      `INSERT INTO runs (id, show_id, show_title, platform, canvas, rehearsal, armed_at, state, started_at, ended_at, show, plan)
       VALUES (@id, @showId, @showTitle, @platform, @canvas, @rehearsal, @armedAt, @state, NULL, NULL, @show, @plan)`,
    );
    this.updateRun = sqlite.prepare(
      'UPDATE runs SET state = coalesce(@state, state), started_at = coalesce(started_at, @startedAt), ended_at = coalesce(@endedAt, ended_at) WHERE id = @id',
    );
    this.selectRows = sqlite.prepare('SELECT * FROM run_log WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?');
    this.selectTail = sqlite.prepare('SELECT * FROM (SELECT * FROM run_log WHERE run_id = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq');
    this.selectRun = sqlite.prepare('SELECT * FROM runs WHERE id = ?');
    this.selectOpen = sqlite.prepare("SELECT * FROM runs WHERE state != 'ended' ORDER BY armed_at DESC, rowid DESC LIMIT 1");
    this.appendTx = sqlite.transaction((runId: string, rows: NewLogRow[], change: RunSummaryChange | null) => {
      const out: LogRow[] = [];
      for (const row of rows) {
        const info = this.insertRow.run(runId, row.at, row.kind, row.source, row.cueId, JSON.stringify(row.details));
        out.push({ seq: Number(info.lastInsertRowid), runId, ...row });
      }
      if (change) {
        this.updateRun.run({ id: runId, state: change.state ?? null, startedAt: change.startedAt ?? null, endedAt: change.endedAt ?? null });
      }
      return out;
    });
  }

  /** Create a run and its first rows in one transaction. */
  createRun(run: Omit<RunRecord, 'state' | 'startedAt' | 'endedAt'>, rows: NewLogRow[]): LogRow[] {
    const out = this.sqlite.transaction(() => {
      this.insertRun.run({
        id: run.id,
        showId: run.showId,
        showTitle: run.showTitle,
        platform: run.platform,
        canvas: run.canvas,
        rehearsal: run.rehearsal ? 1 : 0,
        armedAt: run.armedAt,
        state: 'armed',
        show: JSON.stringify(run.show),
        plan: JSON.stringify(run.plan),
      });
      return this.appendTx(run.id, rows, null);
    })();
    this.onCommit();
    return out;
  }

  /** Commit rows (and the run's summary change) in one transaction; returns them with their seq. */
  append(runId: string, rows: NewLogRow[], change: RunSummaryChange | null = null): LogRow[] {
    const out = this.appendTx(runId, rows, change);
    this.onCommit();
    return out;
  }

  rows(runId: string, since = 0, limit = 1_000_000): LogRow[] {
    return (this.selectRows.all(runId, since, limit) as LogDbRow[]).map(toLogRow);
  }

  /** The last `count` rows of a run, in order. */
  tail(runId: string, count: number): LogRow[] {
    return (this.selectTail.all(runId, count) as LogDbRow[]).map(toLogRow);
  }

  run(id: string): RunRecord | null {
    const row = this.selectRun.get(id) as RunRow | undefined;
    return row ? toRun(row) : null;
  }

  /** The run that was armed or running when Cuecart stopped (at most one is open). */
  openRun(): RunRecord | null {
    const row = this.selectOpen.get() as RunRow | undefined;
    return row ? toRun(row) : null;
  }

  list(filter: { showId?: string; rehearsal?: boolean } = {}): RunSummary[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.showId) {
      where.push('r.show_id = ?');
      args.push(filter.showId);
    }
    if (filter.rehearsal !== undefined) {
      where.push('r.rehearsal = ?');
      args.push(filter.rehearsal ? 1 : 0);
    }
    const sql = `SELECT r.id, r.show_id, r.show_title, r.platform, r.rehearsal, r.state, r.armed_at, r.started_at, r.ended_at,
        (SELECT count(*) FROM run_log l WHERE l.run_id = r.id) AS log_count
      FROM runs r ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.armed_at DESC, r.rowid DESC`;
    return (this.sqlite.prepare(sql).all(...args) as (Omit<RunRow, 'show' | 'plan' | 'canvas'> & { log_count: number })[]).map((r) => ({
      id: r.id,
      showId: r.show_id,
      showTitle: r.show_title,
      platform: r.platform as RunSummary['platform'],
      rehearsal: r.rehearsal === 1,
      state: r.state,
      armedAt: r.armed_at,
      startedAt: r.started_at,
      endedAt: r.ended_at,
      logCount: r.log_count,
    }));
  }
}

function toLogRow(r: LogDbRow): LogRow {
  let details: Record<string, unknown>;
  try {
    details = JSON.parse(r.details) as Record<string, unknown>;
  } catch {
    details = { unreadable: r.details };
  }
  return { seq: r.seq, runId: r.run_id, at: r.at, kind: r.kind, source: r.source, cueId: r.cue_id, details };
}

function toRun(r: RunRow): RunRecord {
  return {
    id: r.id,
    showId: r.show_id,
    showTitle: r.show_title,
    platform: r.platform,
    canvas: r.canvas,
    rehearsal: r.rehearsal === 1,
    armedAt: r.armed_at,
    state: r.state,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    show: JSON.parse(r.show) as Record<string, unknown>,
    plan: JSON.parse(r.plan) as RunCue[],
  };
}
