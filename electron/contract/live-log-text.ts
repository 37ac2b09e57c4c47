import type { LogRow } from './live';
import type { ExportLang } from './plan-io';

// The as-run log in words, zh-CN or English: the CSV export's summary column and the cockpit's
// log panel read the same sentences. Pure TypeScript (no zod, no Node).

const ZH = {
    seq: '序号', time: '时间', kind: '类型', source: '来源', cue: '提示卡', summary: '说明', details: '详情（JSON）',
    arm: '备播', go: 'GO', back: '返回', jump: '跳到', ignored: '忽略（防连按）', stale: '过期的 GO（已被他人推进）', skip: '跳过', unskip: '取消跳过',
    insert: '插入返场', planReload: '更新为已保存的计划', added: '新增', removed: '移除', changed: '改动', autogoScheduled: '自动接续已排', autogoCancelled: '自动接续已取消', autogoMissed: '自动接续错过（软件未运行）', autogoSuperseded: '自动接续被手动 GO 取代',
    overlayShow: '显示叠加层', overlayHide: '隐藏叠加层', overlayClear: '清空全部叠加层', failed: '失败',
    obs: 'OBS', obsOk: '全部成功', obsConnected: 'OBS 已连接', obsDisconnected: 'OBS 断开', obsPreview: 'OBS 预监（工作室模式）放上待播场景',
    product: '改价/改库存', checklist: '平台操作', done: '已完成', undone: '取消勾选', marker: '标记', message: '给主播的消息', cleared: '已清除',
    resume: '软件重启后继续', end: '结束', rehearsal: '（彩排）',
};
type Words = typeof ZH;

export const LOG_WORDS: Record<ExportLang, Words> = {
  'zh-CN': ZH,
  en: {
    seq: 'Seq', time: 'Time', kind: 'Kind', source: 'Source', cue: 'Cue', summary: 'Summary', details: 'Details (JSON)',
    arm: 'Armed', go: 'GO', back: 'Back', jump: 'Jump to', ignored: 'Ignored (double-Go guard)', stale: 'Stale Go (someone else advanced)', skip: 'Skipped', unskip: 'Unskipped',
    insert: 'Inserted (encore)', planReload: 'Plan reloaded from the saved show', added: 'added', removed: 'removed', changed: 'changed', autogoScheduled: 'Auto-follow scheduled', autogoCancelled: 'Auto-follow cancelled', autogoMissed: 'Auto-follow missed (app not running)', autogoSuperseded: 'Auto-follow superseded by a Go',
    overlayShow: 'Overlay shown', overlayHide: 'Overlay hidden', overlayClear: 'All overlays cleared', failed: 'failed',
    obs: 'OBS', obsOk: 'all OK', obsConnected: 'OBS connected', obsDisconnected: 'OBS disconnected', obsPreview: 'OBS Preview (studio mode) set to the standby scene',
    product: 'Live price/stock', checklist: 'Platform step', done: 'done', undone: 'unticked', marker: 'Marker', message: 'Message to host', cleared: 'cleared',
    resume: 'Resumed after restart', end: 'Ended', rehearsal: ' (rehearsal)',
  },
};

const money = (minor: unknown) => (typeof minor === 'number' ? `¥${(minor / 100).toFixed(2)}` : '—');

/** One row in words, for the CSV and anyone reading the log without the app. */
export function describeRow(row: LogRow, cueTitle: (id: string | null) => string, lang: ExportLang): string {
  const w = LOG_WORDS[lang];
  const d = row.details;
  const cue = cueTitle(row.cueId);
  switch (row.kind) {
    case 'arm':
      return `${w.arm}: ${String(d.showTitle ?? '')}${d.rehearsal ? w.rehearsal : ''}`;
    case 'go': {
      const verb = d.mode === 'back' ? w.back : d.mode === 'jump' ? w.jump : w.go;
      return `${verb} → ${cue} (${String(d.trigger ?? '')})`;
    }
    case 'go.ignored':
      return `${w.ignored}: ${String(d.sinceLastGoMs ?? '')} ms`;
    case 'go.stale':
      return w.stale;
    case 'skip':
      return `${d.skip === false ? w.unskip : w.skip}: ${cue}`;
    case 'cue.insert':
      return `${w.insert}: ${cue}`;
    case 'plan.reload': {
      const n = (v: unknown) => (Array.isArray(v) ? v.length : 0);
      return `${w.planReload}: ${w.added} ${n(d.added)}, ${w.removed} ${n(d.removed)}, ${w.changed} ${n(d.changed)}`;
    }
    case 'autogo': {
      const op = String(d.op ?? '');
      const labels: Record<string, string> = { scheduled: w.autogoScheduled, cancelled: w.autogoCancelled, missed: w.autogoMissed, superseded: w.autogoSuperseded };
      const label = labels[op] ?? op;
      return `${label}: ${cue}`;
    }
    case 'overlay': {
      const verb = d.op === 'clear' ? w.overlayClear : d.op === 'hide' ? w.overlayHide : w.overlayShow;
      return `${verb}${d.kind ? ` ${String(d.kind)}` : ''}${d.ok === false ? ` — ${w.failed}: ${String(d.error ?? '')}` : ''}`;
    }
    case 'obs': {
      const outcomes = Array.isArray(d.outcomes) ? (d.outcomes as { action: string; ok: boolean; message?: string }[]) : [];
      const failed = outcomes.filter((o) => !o.ok);
      if (d.reason === 'preview') {
        const scene = (outcomes[0]?.action ?? '').replace(/^preview /, '');
        return `${w.obsPreview} ${scene}${failed.length === 0 ? '' : ` — ${w.failed}: ${failed.map((o) => o.message ?? '').join('; ')}`}`;
      }
      return `${w.obs} (${String(d.reason ?? '')}): ${failed.length === 0 ? w.obsOk : failed.map((o) => `${o.action} ${w.failed}: ${o.message ?? ''}`).join('; ')}`;
    }
    case 'obs.status':
      return d.state === 'connected' ? w.obsConnected : `${w.obsDisconnected}${d.reason ? `: ${String(d.reason)}` : ''}`;
    case 'product': {
      const parts: string[] = [];
      if (d.livePrice !== undefined) parts.push(money(d.livePrice));
      if (d.stock !== undefined) parts.push(`stock ${String(d.stock)}`);
      if (d.soldOut !== undefined) parts.push(d.soldOut ? 'sold out' : 'in stock');
      return `${w.product}: ${parts.join(', ')}`;
    }
    case 'checklist':
      return `${w.checklist}: ${String(d.item ?? '')} — ${d.done === false ? w.undone : w.done}`;
    case 'marker':
      return `${w.marker}: ${String(d.label ?? '') || `#${String(d.quick ?? '')}`}`;
    case 'message':
      return `${w.message}: ${String(d.text ?? '') || w.cleared}`;
    case 'resume':
      return `${w.resume} (${Math.round(Number(d.downMs ?? 0) / 1000)} s)`;
    case 'end':
      return w.end;
    default:
      return row.kind satisfies never;
  }
}

