import { describe, expect, it } from 'vitest';
import { manifestFor } from './manifest';

describe.each(['chrome', 'firefox'] as const)('%s manifest', (browser) => {
  const m = manifestFor(browser) as Record<string, unknown> & {
    permissions: string[];
    host_permissions: string[];
    content_scripts: { matches: string[]; js: string[] }[];
  };

  it('is Manifest V3 with only the storage and scripting (core.js on pages in scope) permissions and x.com host access', () => {
    expect(m.manifest_version).toBe(3);
    expect(m.permissions).toEqual(['storage', 'scripting']);
    expect(m.host_permissions).toEqual(['https://x.com/*', 'https://twitter.com/*']);
    expect(m).not.toHaveProperty('optional_permissions');
    expect(m).not.toHaveProperty('web_accessible_resources');
    expect(m).not.toHaveProperty('externally_connectable');
  });

  it('keeps the default extension content security policy', () => {
    expect(m).not.toHaveProperty('content_security_policy');
  });

  it('runs one classic content script on x.com only', () => {
    expect(m.content_scripts).toEqual([
      expect.objectContaining({ matches: ['https://x.com/*', 'https://twitter.com/*'], js: ['content.js'] }),
    ]);
  });
});

describe('per-browser differences', () => {
  it('Chrome uses a service worker, Firefox background scripts with a gecko id and no data collection', () => {
    expect(manifestFor('chrome').background).toEqual({ service_worker: 'background.js', type: 'module' });
    const ff = manifestFor('firefox') as { background: unknown; browser_specific_settings: { gecko: Record<string, unknown> } };
    expect(ff.background).toEqual({ scripts: ['background.js'], type: 'module' });
    expect(ff.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(ff.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });
});
