/**
 * Every in-flight OBS request with its own timeout.
 *
 * obs-websocket-js has no timeouts and, when the socket closes, drops its internal listeners so
 * pending `call()` promises never settle (obs-websocket-js #358). A cue waiting on such a
 * promise would hang the show, so each request races a timer here and `rejectAll` settles
 * everything the moment we learn the socket is gone.
 */
export class PendingRequests {
  private readonly rejecters = new Set<(error: Error) => void>();

  get size(): number {
    return this.rejecters.size;
  }

  track<T>(request: Promise<T>, timeoutMs: number, onTimeout: () => Error): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let done = false;
      const finish = (): boolean => {
        if (done) return false;
        done = true;
        clearTimeout(timer);
        this.rejecters.delete(rejecter);
        return true;
      };
      const rejecter = (error: Error): void => {
        if (finish()) reject(error);
      };
      const timer = setTimeout(() => rejecter(onTimeout()), timeoutMs);
      this.rejecters.add(rejecter);
      request.then(
        (value) => {
          if (finish()) resolve(value);
        },
        (error: unknown) => {
          if (finish()) reject(error);
        },
      );
    });
  }

  rejectAll(makeError: () => Error): void {
    for (const rejecter of [...this.rejecters]) rejecter(makeError());
  }
}
