import { describe, expect, it } from 'vitest';
import type { ServicePlugin } from '../../core/plugin.js';
import { PluginConfigurationError, resolvePlugins } from '../../core/plugin-registry.js';

const plugin = (id: string, requires: string[] = []): ServicePlugin => ({ id, requires });

describe('resolvePlugins', () => {
  it('orders plugins after their requirements', () => {
    const sorted = resolvePlugins(
      [
        plugin('quality', ['repair', 'complaints']),
        plugin('complaints', ['repair']),
        plugin('repair'),
      ],
      'all',
    );
    expect(sorted.map((entry) => entry.id)).toEqual(['repair', 'complaints', 'quality']);
  });

  it('keeps only the enabled plugins', () => {
    const sorted = resolvePlugins([plugin('repair'), plugin('spare-parts')], ['spare-parts']);
    expect(sorted.map((entry) => entry.id)).toEqual(['spare-parts']);
  });

  it('names a missing requirement', () => {
    expect(() => resolvePlugins([plugin('quality', ['repair'])], 'all')).toThrow(
      'Plugin "quality" requires plugin "repair", which does not exist',
    );
  });

  it('names a requirement that is not enabled', () => {
    expect(() =>
      resolvePlugins([plugin('repair'), plugin('quality', ['repair'])], ['quality']),
    ).toThrow('Plugin "quality" requires plugin "repair", which is not enabled');
  });

  it('names both plugins of a cycle', () => {
    const attempt = () =>
      resolvePlugins([plugin('repair', ['spare-parts']), plugin('spare-parts', ['repair'])], 'all');
    expect(attempt).toThrow(PluginConfigurationError);
    expect(attempt).toThrow(/"repair".*"spare-parts"|"spare-parts".*"repair"/);
  });

  it('rejects an unknown enabled id', () => {
    expect(() => resolvePlugins([plugin('repair')], ['maintenance'])).toThrow(
      'Plugin "maintenance" is not available (available: repair)',
    );
  });

  it('rejects a duplicate id', () => {
    expect(() => resolvePlugins([plugin('repair'), plugin('repair')], 'all')).toThrow(
      'Plugin "repair" is listed twice',
    );
  });

  it('rejects an id that is not kebab-case', () => {
    expect(() => resolvePlugins([plugin('SpareParts')], 'all')).toThrow(/kebab-case/);
  });
});
