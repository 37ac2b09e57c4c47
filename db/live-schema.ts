import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// The live-runs database (`live.db`): its own file, so a catalog import holding the main
// database's write lock can never delay a Go. Instants as epoch ms UTC, text ids.

/**
 * One arming of a show. The plan and the show's header are copied in as they were armed, so
 * the log reads the same however the show is edited later. `state`, `started_at` and
 * `ended_at` are a summary of the log, written in the same transaction as the rows that
 * change them (lists need no scan of the log).
 */
export const runs = sqliteTable(
  'runs',
  {
    id: text('id').primaryKey(),
    showId: text('show_id').notNull(),
    showTitle: text('show_title').notNull(),
    platform: text('platform').notNull(),
    canvas: text('canvas').notNull(),
    rehearsal: integer('rehearsal', { mode: 'boolean' }).notNull(),
    armedAt: integer('armed_at').notNull(),
    state: text('state', { enum: ['armed', 'running', 'ended'] }).notNull(),
    startedAt: integer('started_at'),
    endedAt: integer('ended_at'),
    /** The show's header as armed (title, platform, planned start/length, goals, hosts). */
    show: text('show', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** The cues in order as armed (RunCue[]). */
    plan: text('plan', { mode: 'json' }).$type<unknown[]>().notNull(),
  },
  (t) => [index('runs_show_idx').on(t.showId, t.armedAt)],
);

/**
 * The as-run log. Append-only: triggers (migration 0001) refuse UPDATE and DELETE, so no door,
 * bug or tool can rewrite what happened on air. `seq` orders every row of every run.
 */
export const runLog = sqliteTable(
  'run_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    runId: text('run_id')
      .notNull()
      .references(() => runs.id),
    at: integer('at').notNull(),
    kind: text('kind').notNull(),
    source: text('source').notNull(),
    cueId: text('cue_id'),
    details: text('details').notNull().default('{}'),
  },
  (t) => [index('run_log_run_idx').on(t.runId, t.seq)],
);
