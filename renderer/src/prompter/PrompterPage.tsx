import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moneyText } from '../../../electron/contract/overlay-format';
import { clockText, remainingText } from '../features/live/cockpit/clock-format';
import { offerOf } from '../features/live/cockpit/cue-offer';
import { useLiveState, useRunPlan } from '../features/live/cockpit/useLive';
import { useProduct } from '../features/live/cockpit/useProduct';
import { useServerClock, useStale } from '../features/live/cockpit/useServerNow';
import { useTransportState } from '../lib/api-context';
import { LanguageToggle } from './LanguageToggle';

/**
 * The host prompter (主播提词器): what the host needs at a glance from across the desk — the
 * product on air, its price and mechanism, 卖点 and 话术, the cue's time left, what comes next,
 * and the one-line message the producer sends. Read-only; clocks from server instants.
 */
export function PrompterPage() {
  const { t } = useTranslation();
  const transport = useTransportState();
  const live = useLiveState();
  const snapshot = live.data;
  const { byId } = useRunPlan(snapshot);
  const now = useServerClock(live.data?.cueStartedAt ?? null);
  const stale = useStale();
  const cue = snapshot?.currentCueId ? byId.get(snapshot.currentCueId) : undefined;
  const next = snapshot?.standbyCueId ? byId.get(snapshot.standbyCueId) : undefined;
  const product = useProduct(cue?.productId ?? null).data;
  const nextProduct = useProduct(next?.productId ?? null).data;
  const offer = snapshot ? offerOf(cue, product, snapshot) : null;
  const nextOffer = snapshot ? offerOf(next, nextProduct, snapshot) : null;
  const fresh = useFlash(snapshot?.message?.at ?? null);

  if (transport === 'unauthorized') return <div className="pr-center">{t('prompter.noToken')}</div>;
  if (!snapshot) return <div className="pr-center">{t('prompter.connecting')}</div>;
  const elapsed = snapshot.cueStartedAt === null ? null : (snapshot.endedAt ?? now) - snapshot.cueStartedAt;
  const remaining = cue && elapsed !== null ? cue.durationMs - elapsed : null;
  const over = remaining !== null && remaining < 0 && (cue?.durationMs ?? 0) > 0;
  const talk = (cue?.kind === 'pitch' && cue.talkingPoints) || product?.talkingPoints || '';

  return (
    <div className={`pr ${stale ? 'is-stale' : ''}`} data-testid="prompter" data-cue={cue?.id ?? ''}>
      {stale && (
        <div className="pr-stale" data-testid="prompter-stale">
          {t('prompter.stale')}
        </div>
      )}
      <header className="pr-top">
        <span className="pr-show">{snapshot.showTitle || t('prompter.noShow')}</span>
        <span className="pr-state">{snapshot.rehearsal && snapshot.state === 'running' ? t('cockpit.states.rehearsing') : t(`cockpit.states.${snapshot.state}`)}</span>
        <span className="pr-showclock">{clockText(snapshot.startedAt === null ? null : (snapshot.endedAt ?? now) - snapshot.startedAt)}</span>
        <LanguageToggle />
      </header>

      {snapshot.message && (
        <div className={`pr-message ${fresh ? 'is-fresh' : ''}`} data-testid="prompter-message">
          {snapshot.message.text}
        </div>
      )}

      <main className="pr-main">
        <div className="pr-cue">
          <div className="pr-cue-title" data-testid="prompter-cue">
            {cue ? cue.title : snapshot.state === 'armed' ? t('prompter.armed') : t('prompter.noCue')}
          </div>
          <div className={`pr-timer ${over ? 'is-over' : ''}`} data-testid="prompter-timer">
            {over ? `+${clockText(-remaining!)}` : remainingText(remaining)}
          </div>
        </div>
        {product && offer && (
          <div className="pr-product">
            <div className="pr-product-name" data-testid="prompter-product">
              {product.shortTitle || product.title}
            </div>
            <div className="pr-price-line">
              <span className="pr-price" data-testid="prompter-price">
                {offer.livePrice === null ? '' : moneyText(offer.livePrice, offer.currency)}
              </span>
              {offer.soldOut && <span className="pr-soldout">{t('cockpit.now.soldOut')}</span>}
              {!offer.soldOut && offer.stock !== null && <span className="pr-stock">{t('cockpit.now.stock', { count: offer.stock })}</span>}
            </div>
            {offer.mechanism && <div className="pr-mechanism">{offer.mechanism}</div>}
            {offer.perk && <div className="pr-perk">{offer.perk}</div>}
          </div>
        )}
        {product && product.sellingPoints.length > 0 && (
          <ul className="pr-points">
            {product.sellingPoints.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        {talk && <div className="pr-talk">{talk}</div>}
      </main>

      <footer className="pr-next" data-testid="prompter-next">
        <span className="pr-next-label">{t('prompter.next')}</span>
        <span className="pr-next-title">{next ? next.title : '—'}</span>
        {nextProduct && nextOffer?.livePrice !== null && nextOffer && <span className="pr-next-price">{moneyText(nextOffer.livePrice!, nextOffer.currency)}</span>}
      </footer>
    </div>
  );
}

/** True for a few seconds after a new message arrives, so the host's eye is drawn to it. */
function useFlash(at: number | null): boolean {
  const [fresh, setFresh] = useState(false);
  const seen = useRef<number | null>(null);
  useEffect(() => {
    if (at === null || at === seen.current) return;
    const first = seen.current === null;
    seen.current = at;
    if (first) return;
    setFresh(true);
    const timer = setTimeout(() => setFresh(false), 5000);
    return () => clearTimeout(timer);
  }, [at]);
  return fresh;
}
