import type { MetadataStorage } from '@mikro-orm/core';
import type { ServicePlugin } from './plugin.js';

/** Raised when the plugin set cannot start; the message names the plugins involved. */
export class PluginConfigurationError extends Error {
  override name = 'PluginConfigurationError';
}

const PLUGIN_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Selects the enabled plugins and sorts them so that each comes after the plugins it requires.
 * Throws on an unknown or duplicate id, a missing requirement or a dependency cycle.
 */
export function resolvePlugins(
  available: ServicePlugin[],
  enabled: 'all' | string[],
): ServicePlugin[] {
  const byId = new Map<string, ServicePlugin>();
  for (const plugin of available) {
    if (!PLUGIN_ID.test(plugin.id)) {
      throw new PluginConfigurationError(
        `Plugin id "${plugin.id}" is invalid: use kebab-case such as "spare-parts"`,
      );
    }
    if (byId.has(plugin.id)) {
      throw new PluginConfigurationError(`Plugin "${plugin.id}" is listed twice`);
    }
    byId.set(plugin.id, plugin);
  }

  const selected =
    enabled === 'all'
      ? available
      : enabled.map((id) => {
          const plugin = byId.get(id);
          if (!plugin) {
            const known = [...byId.keys()].join(', ') || 'none';
            throw new PluginConfigurationError(
              `Plugin "${id}" is not available (available: ${known})`,
            );
          }
          return plugin;
        });
  const selectedIds = new Set(selected.map((plugin) => plugin.id));

  for (const plugin of selected) {
    for (const required of plugin.requires ?? []) {
      if (!selectedIds.has(required)) {
        const reason = byId.has(required) ? 'is not enabled' : 'does not exist';
        throw new PluginConfigurationError(
          `Plugin "${plugin.id}" requires plugin "${required}", which ${reason}`,
        );
      }
    }
  }

  return sortTopologically(selected);
}

function sortTopologically(plugins: ServicePlugin[]): ServicePlugin[] {
  const byId = new Map(plugins.map((plugin) => [plugin.id, plugin]));
  const sorted: ServicePlugin[] = [];
  const state = new Map<string, 'visiting' | 'done'>();

  const visit = (plugin: ServicePlugin, path: string[]): void => {
    const current = state.get(plugin.id);
    if (current === 'done') return;
    if (current === 'visiting') {
      const cycle = [...path.slice(path.indexOf(plugin.id)), plugin.id];
      throw new PluginConfigurationError(
        `Plugins "${cycle[0]}" and "${cycle[cycle.length - 2]}" depend on each other: ${cycle.join(' -> ')}`,
      );
    }
    state.set(plugin.id, 'visiting');
    for (const required of plugin.requires ?? []) {
      visit(byId.get(required)!, [...path, plugin.id]);
    }
    state.set(plugin.id, 'done');
    sorted.push(plugin);
  };

  for (const plugin of plugins) visit(plugin, []);
  return sorted;
}

/**
 * Checks that every table and topic a plugin declares carries its namespace, so that two plugins
 * can never collide. Runs after the ORM has discovered the entities.
 */
export function checkPluginNamespaces(plugins: ServicePlugin[], metadata: MetadataStorage): void {
  const problems: string[] = [];
  for (const plugin of plugins) {
    const tablePrefix = `${plugin.id.replace(/-/g, '_')}_`;
    for (const entity of plugin.entities ?? []) {
      const meta = metadata.find(entity.name);
      if (meta && !meta.tableName.startsWith(tablePrefix)) {
        problems.push(
          `plugin "${plugin.id}": table "${meta.tableName}" must start with "${tablePrefix}"`,
        );
      }
    }
    for (const topic of plugin.topics ?? []) {
      if (!topic.startsWith(`${plugin.id}.`)) {
        problems.push(`plugin "${plugin.id}": topic "${topic}" must start with "${plugin.id}."`);
      }
    }
  }
  if (problems.length > 0) {
    throw new PluginConfigurationError(
      `Plugin namespaces are invalid:\n  - ${problems.join('\n  - ')}`,
    );
  }
}
