const dependencies = new Map<object, Map<string, string[]>>();

/**
 * Declares the entity properties a computed GraphQL field (a getter such as `cost`) reads, so that
 * a list that loads only the selected columns loads these too. A computed field without this
 * declaration makes such a list load every column.
 */
export function DerivedFrom(...properties: string[]): MethodDecorator {
  return (target, key) => {
    const fields = dependencies.get(target) ?? new Map<string, string[]>();
    fields.set(String(key), properties);
    dependencies.set(target, fields);
  };
}

/**
 * Returns the properties that the computed field `field` of instances of `prototype` reads, or
 * undefined when none were declared on the class or its base classes.
 */
export function derivedDependencies(prototype: object, field: string): string[] | undefined {
  for (let target: object | null = prototype; target; target = Object.getPrototypeOf(target)) {
    const declared = dependencies.get(target)?.get(field);
    if (declared) return declared;
  }
  return undefined;
}

/**
 * Declares the properties that a field resolver added to an entity's type from a resolver class
 * (such as `Equipment.repairOrders`) reads from its parent record.
 */
export function declareFieldReads(
  entity: { prototype: object },
  field: string,
  properties: string[],
): void {
  const fields = dependencies.get(entity.prototype) ?? new Map<string, string[]>();
  fields.set(field, properties);
  dependencies.set(entity.prototype, fields);
}
