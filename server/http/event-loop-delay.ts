import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * How late the server's event loop runs, for /healthz: when it lags, every answer's
 * acknowledgement and every results update lags with it. `?reset` starts a new window.
 */
export function createEventLoopDelay(): (reset: boolean) => { p50: number; p99: number; max: number } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const ms = (nanoseconds: number) => Math.round(nanoseconds / 1e5) / 10;
  return (reset) => {
    const figures = { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
    if (reset) histogram.reset();
    return figures;
  };
}
