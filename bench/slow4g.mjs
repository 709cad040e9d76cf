// The first-view benchmarks' page: a fresh phone context (empty cache, no service worker) under
// Lighthouse's "slow 4G" through CDP — 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower.
import { phoneContext } from '../tests/e2e/harness.mjs';

export async function slow4gPage(browser) {
  const ctx = await phoneContext(browser);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { ctx, page, cdp };
}
