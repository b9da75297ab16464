// One cold pass of the content script's core (classifier, repeat tracker, offer
// details) over the page benchmark's distinct fixture tweets, in the process
// that runs it: prints the CPU time per message in microseconds. Run in a fresh
// process each time (see scripts/compare-core.ts): the first pass is what a new
// tab pays.
import { loadCore } from '../../src/content/real-core';
import { distinctFixtureMessages } from './fixture-messages';

async function main(): Promise<void> {
  const core = await loadCore();
  const msgs = distinctFixtureMessages();
  const tracker = core.tracker(() => Date.parse('2011-08-19T00:00:00Z'));
  const c0 = process.cpuUsage();
  for (const m of msgs) {
    const c = core.classify(m);
    const s = tracker.see(m, c.label === 'offer');
    if (c.label === 'offer') tracker.offer(m, s.key);
  }
  const c1 = process.cpuUsage(c0);
  console.log(((c1.user + c1.system) / msgs.length).toFixed(1));
}

void main();
