import browser from 'webextension-polyfill';
import { parseToBackground } from '../shared/messages';
import { registerCommands } from './commands';

registerCommands();

browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id) return undefined;
  const msg = parseToBackground(raw);
  if (!msg) return undefined;
  if (msg.type === 'tab/status') return Promise.resolve({ ok: true });
  return undefined;
});
