import {
  ReferenceKind,
  type EntityClass,
  type EntityManager,
  type EntityMetadata,
  type EntityProperty,
} from '@mikro-orm/core';
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { derivedDependencies } from './derived-from.js';

type Selections = SelectionSetNode['selections'];

/** Collects the field nodes of a selection set, with fragments spread. */
function fieldsOf(
  selections: Selections | undefined,
  info: GraphQLResolveInfo,
  visit: (name: string, selectionSet: SelectionSetNode | undefined) => void,
): void {
  for (const selection of selections ?? []) {
    if (selection.kind === Kind.FIELD) visit(selection.name.value, selection.selectionSet);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      fieldsOf(selection.selectionSet.selections, info, visit);
    else fieldsOf(info.fragments[selection.name.value]?.selectionSet.selections, info, visit);
  }
}

/** Returns the names of the fields a client selects under `edges { node { … } }` of a connection. */
export function selectedNodeFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  for (const connection of info.fieldNodes) {
    fieldsOf(connection.selectionSet?.selections, info, (edgeField, edgeSelection) => {
      if (edgeField !== 'edges') return;
      fieldsOf(edgeSelection?.selections, info, (nodeField, nodeSelection) => {
        if (nodeField !== 'node') return;
        fieldsOf(nodeSelection?.selections, info, (name) => names.add(name));
      });
    });
  }
  return names;
}

function isColumnProperty(prop: EntityProperty | undefined): prop is EntityProperty {
  if (!prop || prop.persist === false) return false;
  return (
    prop.kind === ReferenceKind.SCALAR ||
    prop.kind === ReferenceKind.MANY_TO_ONE ||
    (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner === true)
  );
}

/**
 * Returns the properties to read so that the selected GraphQL fields resolve: the field's own
 * property, or the properties a computed field declares with `@DerivedFrom`, plus `always`.
 * Returns undefined, meaning every column, when a selected field is neither.
 */
export function propertiesForFields<T>(
  meta: EntityMetadata<T>,
  fields: Set<string>,
  always: string[],
): string[] | undefined {
  const properties = meta.properties as Record<string, EntityProperty | undefined>;
  const needed = new Set(always);
  for (const field of fields) {
    if (field === '__typename') continue;
    if (isColumnProperty(properties[field])) {
      needed.add(field);
      continue;
    }
    const derived = derivedDependencies(meta.prototype as object, field);
    if (!derived) return undefined;
    for (const property of derived) needed.add(property);
  }
  return [...needed].sort();
}

type Converter = (value: unknown) => unknown;

/** Builds the conversion of one column value into a property value, as MikroORM's hydrator does. */
function converterFor(em: EntityManager, prop: EntityProperty): Converter {
  const platform = em.getPlatform();
  if (prop.customType) {
    const type = prop.customType;
    return (value) => type.convertToJSValue(value, platform);
  }
  if (prop.runtimeType === 'boolean') return (value) => Boolean(value);
  if (prop.runtimeType === 'Date' && !platform.isNumericProperty(prop)) {
    const zone = em.config.get('timezone');
    return (value) => {
      if (value instanceof Date) return value;
      const text = value as string | number;
      const zoned =
        !zone ||
        zone === 'local' ||
        typeof text === 'number' ||
        text.includes('+') ||
        text.lastIndexOf('-') > 10 ||
        text.endsWith('Z');
      return new Date(zoned ? text : `${text}${zone}`);
    };
  }
  return (value) => value;
}

/**
 * Turns raw rows of one entity into read-only instances for GraphQL output: objects with the
 * entity's prototype, so its getters and type checks work, and the columns present in the row as
 * properties. Many-to-one properties become references of the request's EntityManager. The
 * instances are not in the identity map and no change to them is ever flushed, so they suit long
 * read-only lists, where MikroORM's hydration and change tracking cost most of the time.
 */
export class RowProjector<T> {
  private readonly scalars: { column: string; name: string; convert: Converter }[] = [];
  private readonly references: {
    column: string;
    name: string;
    target: EntityClass<object>;
    wrapped: boolean;
  }[] = [];

  constructor(
    private readonly em: EntityManager,
    private readonly meta: EntityMetadata<T>,
  ) {
    for (const prop of meta.props as EntityProperty[]) {
      if (!isColumnProperty(prop) || prop.fieldNames.length !== 1) continue;
      if (prop.kind === ReferenceKind.SCALAR) {
        this.scalars.push({
          column: prop.fieldNames[0],
          name: prop.name,
          convert: converterFor(em, prop),
        });
      } else {
        this.references.push({
          column: prop.fieldNames[0],
          name: prop.name,
          target: prop.targetMeta!.class as EntityClass<object>,
          wrapped: prop.ref === true,
        });
      }
    }
  }

  project(row: Record<string, unknown>): T {
    const entity = Object.create(this.meta.prototype as object) as Record<string, unknown>;
    for (const { column, name, convert } of this.scalars) {
      if (!(column in row)) continue;
      const value = row[column];
      entity[name] = value === null || value === undefined ? null : convert(value);
    }
    for (const { column, name, target, wrapped } of this.references) {
      if (!(column in row)) continue;
      const id = row[column];
      // An own property: the prototype's setter for relations expects a managed entity.
      Object.defineProperty(entity, name, {
        value:
          id === null || id === undefined
            ? null
            : this.em.getReference(target, id as never, { wrapped } as never),
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
    return entity as T;
  }
}
